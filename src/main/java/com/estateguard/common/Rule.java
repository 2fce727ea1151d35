package com.estateguard.common;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One small named rule (规则): it looks at a context and gives every reason the context fails it,
 * none when it passes. The checkpoint, the hygiene ledger, the renovation site, the staff ledger
 * and pass issuing all decide with lists of these, and keep every reason, not only the first.
 *
 * @param <C> what the rule looks at, e.g. one person at one entrance at one moment
 * @param <T> the module's own enum of reason codes
 */
@FunctionalInterface
public interface Rule<C, T extends Enum<T>> {

    List<Reason<T>> evaluate(C context);

    /** A rule that gives one reason when {@code fails} holds for the context. */
    static <C, T extends Enum<T>> Rule<C, T> when(Predicate<? super C> fails, Function<? super C, Reason<T>> reason) {
        return context -> fails.test(context) ? List.of(reason.apply(context)) : List.of();
    }

    /** Asks every rule, in order, and keeps every reason. */
    static <C, T extends Enum<T>> List<Reason<T>> everyReason(List<? extends Rule<C, T>> rules, C context) {
        return rules.stream().flatMap(rule -> rule.evaluate(context).stream()).toList();
    }
}
