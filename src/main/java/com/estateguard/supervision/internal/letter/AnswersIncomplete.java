package com.estateguard.supervision.internal.letter;

import com.estateguard.common.InvalidInputException;

/** Signing means answering every question of the letter. */
public class AnswersIncomplete extends InvalidInputException {
    public AnswersIncomplete(int questions) {
        super("letter.error.answers", questions);
    }
}
