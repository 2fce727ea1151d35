package com.estateguard.supervision.internal.letter;

import com.estateguard.common.IllegalTransition;

/** The signer read a text whose hash is not the letter's as published: nothing is signed. */
public class LetterChanged extends IllegalTransition {
    public LetterChanged() {
        super("letter.error.changed");
    }
}
