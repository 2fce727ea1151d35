package com.estateguard.supervision.internal.letter;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

/** Loads and saves an addressee for signing and reminders; lists and the ledger are SQL in {@link Letters}. */
interface LetterRecipientRepository extends CrudRepository<LetterRecipient, Long> {

    Optional<LetterRecipient> findByIdAndLetterId(long id, long letterId);
}
