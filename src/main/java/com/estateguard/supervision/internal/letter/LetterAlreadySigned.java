package com.estateguard.supervision.internal.letter;

import com.estateguard.common.IllegalTransition;

/** The office has signed this letter already; the signature stands and is not replaced. */
public class LetterAlreadySigned extends IllegalTransition {
    public LetterAlreadySigned(String office) {
        super("letter.error.alreadySigned", office);
    }
}
