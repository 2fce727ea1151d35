package com.estateguard.emergency.internal.contacts.web;

import com.estateguard.emergency.internal.contacts.Contact;
import com.estateguard.emergency.internal.contacts.ContactTree;
import java.util.List;

/**
 * The chain in the shape ECharts' tree series reads: {@code name}, {@code value} (the tier, or
 * "CANDIDATE"), {@code children}. Dismissed people are left out.
 */
record TreeChart(String name, String value, List<TreeChart> children) {

    static TreeChart of(ContactTree tree) {
        return new TreeChart(tree.caseName(), "CASE", children(tree.contacts()));
    }

    private static List<TreeChart> children(List<ContactTree.Node> nodes) {
        return nodes.stream().filter(n -> n.decision() != Contact.Decision.DISMISSED)
                .map(n -> new TreeChart(n.name(), n.undecided() ? "CANDIDATE" : n.tier().name(), children(n.contacts())))
                .toList();
    }
}
