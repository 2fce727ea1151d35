package com.estateguard.emergency.internal.contacts.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.internal.contacts.Candidate;
import com.estateguard.emergency.internal.contacts.CandidateRule;
import com.estateguard.emergency.internal.contacts.CaseTimeline;
import com.estateguard.emergency.internal.contacts.ContactFollowUp;
import com.estateguard.emergency.internal.contacts.ContactTier;
import com.estateguard.emergency.internal.contacts.ContactTracing;
import com.estateguard.emergency.internal.contacts.ContactTree;
import com.estateguard.emergency.internal.contacts.ProtocolVersions;
import com.estateguard.emergency.internal.contacts.Subject;
import com.estateguard.emergency.internal.contacts.web.ContactForms.DecideForm;
import com.estateguard.emergency.internal.contacts.web.ContactForms.HealthForm;
import com.estateguard.emergency.internal.contacts.web.ContactForms.ManualForm;
import com.estateguard.emergency.internal.contacts.web.ContactForms.NatForm;
import com.estateguard.emergency.internal.contacts.web.ContactForms.ProtocolForm;
import com.estateguard.healthdata.PersonKeys;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The contacts page of an incident (EMG-06, EMG-07): the case's timeline, the chain of candidates
 * and contacts with the rule and record behind each, decisions, the protocol version and the
 * follow-up; and the JSON the tree chart and other clients read. The incident's estate group and
 * the authorities above it only; every view audited by {@link ContactTracing}.
 */
@Controller
@RequestMapping("/emergency/incidents/{id}/contacts")
@PreAuthorize("hasAuthority('EMERGENCY_CONTACTS')")
class ContactController {

    private final ContactTracing tracing;
    private final ContactFollowUp followUp;
    private final ProtocolVersions protocols;
    private final PersonKeys keys;

    ContactController(ContactTracing tracing, ContactFollowUp followUp, ProtocolVersions protocols, PersonKeys keys) {
        this.tracing = tracing;
        this.followUp = followUp;
        this.protocols = protocols;
        this.keys = keys;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        ContactTree tree = tracing.tree(new IncidentId(id), user);
        model.addAttribute("tree", tree);
        model.addAttribute("timeline", tracing.timeline(new IncidentId(id), user));
        List<ContactFollowUp.Managed> managed = followUp.list(new IncidentId(id), user);
        model.addAttribute("managed", managed);
        model.addAttribute("dueToday", managed.stream().filter(ContactFollowUp.Managed::dueToday).toList());
        model.addAttribute("overdue", managed.stream().filter(m -> !m.overdue().isEmpty()).toList());
        model.addAttribute("protocols", protocols.all());
        model.addAttribute("tiers", ContactTier.values());
        return "emergency/contacts";
    }

    @GetMapping(value = "/tree.json", produces = "application/json")
    @ResponseBody
    TreeChart treeJson(@PathVariable long id) {
        return TreeChart.of(tracing.tree(new IncidentId(id), CurrentUser.require()));
    }

    @GetMapping(value = "/list.json", produces = "application/json")
    @ResponseBody
    ContactTree listJson(@PathVariable long id) {
        return tracing.tree(new IncidentId(id), CurrentUser.require());
    }

    @GetMapping(value = "/candidates.json", produces = "application/json")
    @ResponseBody
    List<Candidate> candidatesJson(@PathVariable long id) {
        return tracing.caseCandidates(new IncidentId(id), CurrentUser.require());
    }

    @GetMapping(value = "/timeline.json", produces = "application/json")
    @ResponseBody
    CaseTimeline.Timeline timelineJson(@PathVariable long id) {
        return tracing.timeline(new IncidentId(id), CurrentUser.require());
    }

    @GetMapping(value = "/follow-up.json", produces = "application/json")
    @ResponseBody
    List<ContactFollowUp.Managed> followUpJson(@PathVariable long id) {
        return followUp.list(new IncidentId(id), CurrentUser.require());
    }

    @PostMapping("/decide")
    String decide(@PathVariable long id, @Valid @ModelAttribute DecideForm form) {
        tracing.decide(new IncidentId(id), new ContactTracing.Decide(form.parentId(), form.identity(), form.tier(), form.dayOne()),
                CurrentUser.require());
        return back(id);
    }

    @PostMapping("/manual")
    String manual(@PathVariable long id, @Valid @ModelAttribute ManualForm form) {
        String idNumber = form.idNumber() == null || form.idNumber().isBlank() ? null : form.idNumber().strip();
        if (idNumber != null && !IdNumber.valid(idNumber)) {
            throw new InvalidInputException("residents.error.idInvalid");
        }
        CurrentUser user = CurrentUser.require();
        String key = idNumber == null ? null : keys.keyOf(idNumber);
        Candidate person = new Candidate(Subject.identity(key, null, null, form.name().strip()), form.name().strip(), key, null, null,
                idNumber == null ? null : IdNumber.mask(idNumber), form.phone(),
                List.of(new Candidate.Reason(CandidateRule.MANUAL, "by " + user.actor(), form.note() == null ? "" : form.note(), null)));
        tracing.addByHand(new IncidentId(id), form.parentId(), person, form.tier(), form.dayOne(), user);
        return back(id);
    }

    @PostMapping("/protocol")
    String protocol(@PathVariable long id, @Valid @ModelAttribute ProtocolForm form) {
        tracing.changeProtocol(new IncidentId(id), form.protocolId(), CurrentUser.require());
        return back(id);
    }

    @PostMapping("/{contactId}/nat")
    String nat(@PathVariable long id, @PathVariable long contactId, @Valid @ModelAttribute NatForm form) {
        followUp.recordNat(new IncidentId(id), contactId, form.sampledOn(), form.positive(), CurrentUser.require());
        return back(id);
    }

    @PostMapping("/{contactId}/health")
    String health(@PathVariable long id, @PathVariable long contactId, @Valid @ModelAttribute HealthForm form) {
        followUp.recordHealth(new IncidentId(id), contactId, form.day(), form.temperature(), form.symptoms(), CurrentUser.require());
        return back(id);
    }

    @PostMapping("/{contactId}/release")
    String release(@PathVariable long id, @PathVariable long contactId) {
        followUp.release(new IncidentId(id), contactId, CurrentUser.require());
        return back(id);
    }

    @PostMapping("/{contactId}/lost")
    String lost(@PathVariable long id, @PathVariable long contactId) {
        followUp.lost(new IncidentId(id), contactId, CurrentUser.require());
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/emergency/incidents/" + id + "/contacts";
    }
}
