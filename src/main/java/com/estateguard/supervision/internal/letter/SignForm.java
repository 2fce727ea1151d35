package com.estateguard.supervision.internal.letter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A head's signature: an answer to each question in order (true: 清楚并要求, false: not yet), the name
 * they sign with, and the SHA-256 of the text they read, which must be the letter's as published.
 */
public record SignForm(
        List<Boolean> answers,
        @NotBlank(message = "{letter.error.signature}") @Size(max = 40, message = "{letter.error.signature}") String signature,
        @NotBlank(message = "{letter.error.hash}") @Pattern(regexp = "[0-9a-f]{64}", message = "{letter.error.hash}") String contentSha256) {
}
