package com.estateguard.common.internal;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string read from JSON is text PostgreSQL can store: a NUL character or an unpaired
 * surrogate ({@code "\u0000"}, {@code "\ud800"} are valid JSON escapes) is refused as the field's
 * error (400, field code INVALID_CHARACTERS) instead of failing the insert with a 500.
 */
@Component
class PlainTextStrings implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.addModule(new SimpleModule("plain-text-strings").addDeserializer(String.class, new Checked()));
    }

    /** Whether the text has neither a NUL nor a lone surrogate. */
    static boolean isPlainText(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static final class Checked extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && !isPlainText(value)) {
                throw context.weirdStringException(value, String.class, "contains NUL or an unpaired surrogate");
            }
            return value;
        }
    }
}
