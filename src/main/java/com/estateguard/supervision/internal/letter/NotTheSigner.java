package com.estateguard.supervision.internal.letter;

import com.estateguard.common.DomainException;

/** Only the head of the office the letter is addressed to may sign for it (not a branch head for the head office, nor the reverse). */
public class NotTheSigner extends DomainException {
    public NotTheSigner(String office) {
        super("letter.error.notTheSigner", office);
    }
}
