package com.estateguard.emergency.internal.contacts;

import java.time.Instant;
import java.util.List;

/**
 * The chain as the investigator sees it: the case, the candidates and contacts found around them,
 * and around each confirmed close contact theirs, recursively.
 *
 * @param protocol the version the incident uses (the one every new decision cites)
 */
public record ContactTree(long incidentId, String caseName, ProtocolVersion protocol, Instant windowFrom, Instant windowTo,
                          List<Node> contacts) {

    /**
     * A person in the chain: a candidate not yet decided ({@code contactId} null) or a decided
     * contact, with the reasons that found them and, for a confirmed close contact, their own contacts.
     */
    public record Node(String identity, String name, String idMasked, List<Candidate.Reason> reasons, String decidedReasons,
                       Long contactId, Contact.Decision decision, ContactTier tier, ContactStatus status, String citation,
                       List<Node> contacts) {

        public boolean undecided() {
            return contactId == null;
        }
    }

    public int undecided() {
        return count(contacts, true);
    }

    public int decided() {
        return count(contacts, false);
    }

    private static int count(List<Node> nodes, boolean undecided) {
        return nodes.stream().mapToInt(n -> (n.undecided() == undecided ? 1 : 0) + count(n.contacts(), undecided)).sum();
    }
}
