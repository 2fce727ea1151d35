package com.estateguard.supervision.internal.letter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A letter to publish: its text, one question a line, and the local time by which heads must sign;
 * {@code supersedes} names the letter it replaces when the text was changed (a new version).
 */
public record LetterForm(
        @NotBlank(message = "{letter.error.title}") @Size(max = 100, message = "{letter.error.title}") String title,
        @NotBlank(message = "{letter.error.body}") @Size(max = 4000, message = "{letter.error.body}") String body,
        @NotBlank(message = "{letter.error.questions}") @Size(max = 8000, message = "{letter.error.questions}") String questions,
        @NotBlank(message = "{letter.error.closing}") @Size(max = 4000, message = "{letter.error.closing}") String closing,
        @NotBlank(message = "{letter.error.issuer}") @Size(max = 200, message = "{letter.error.issuer}") String issuer,
        @NotNull(message = "{letter.error.deadline}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline,
        Long supersedes) {

    /**
     * The preset text, due a week from {@code now} (seed 003: 4月19日-4月26日), with the questions of
     * the letter's template in use (the preset's own when there is none).
     */
    public static LetterForm preset(LocalDateTime now, List<String> templateQuestions) {
        LetterText t = LetterText.zhongshan2022();
        List<String> questions = templateQuestions.isEmpty() ? t.questions() : templateQuestions;
        return new LetterForm(t.title(), t.body(), String.join("\n", questions), t.closing(), t.issuer(),
                now.plusDays(7).withSecond(0).withNano(0), null);
    }

    /** A new version of a published letter: its text to change, the same deadline. */
    public static LetterForm revisionOf(Letters.Letter letter, java.time.ZoneId zone) {
        LetterText t = letter.text();
        return new LetterForm(t.title(), t.body(), String.join("\n", t.questions()), t.closing(), t.issuer(),
                LocalDateTime.ofInstant(letter.deadlineAt(), zone), letter.id());
    }

    /** One question a line; blank lines and a leading "1." or "1、" numbering are dropped, as the letter numbers them. */
    LetterText text() {
        List<String> lines = Arrays.stream(questions.split("\\R")).map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.replaceFirst("^\\d{1,2}\\s*[.、．]\\s*", "")).toList();
        return new LetterText(title.strip(), body.strip(), lines, closing.strip(), issuer.strip());
    }
}
