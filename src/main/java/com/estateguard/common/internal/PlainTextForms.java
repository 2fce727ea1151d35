package com.estateguard.common.internal;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Form fields and request parameters are text PostgreSQL can store: a NUL ({@code %00}) or an
 * unpaired surrogate is a binding error of that field (400), never a failed insert (500).
 * Values are otherwise bound exactly as sent.
 */
@ControllerAdvice
class PlainTextForms {

    @InitBinder
    void plainTextOnly(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text != null && !PlainTextStrings.isPlainText(text)) {
                    throw new IllegalArgumentException("contains NUL or an unpaired surrogate");
                }
                setValue(text);
            }
        });
    }
}
