package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.KeysetPage;
import com.estateguard.common.Paging;
import com.estateguard.common.Role;
import com.estateguard.common.UploadedFile;
import com.estateguard.common.Uploads;
import com.estateguard.org.ListScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supervision.InspectionPhoto;
import com.estateguard.supervision.ItemEntry;
import com.estateguard.supervision.SupervisionPermission;
import com.estateguard.supervision.TemplateItem;
import com.estateguard.supervision.YesNoNa;
import com.estateguard.supervision.internal.campaign.Campaigns;
import com.estateguard.supervision.internal.rectification.InterviewForm;
import com.estateguard.supervision.internal.rectification.OrderExport;
import com.estateguard.supervision.internal.rectification.OrderStatus;
import com.estateguard.supervision.internal.rectification.OrderViews;
import com.estateguard.supervision.internal.rectification.OrderViews.Filter;
import com.estateguard.supervision.internal.rectification.Rechecks;
import com.estateguard.supervision.internal.rectification.RectificationOrders;
import com.estateguard.supervision.internal.sanctions.SanctionKind;
import com.estateguard.supervision.internal.sanctions.Sanctions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rectification orders (SPV-07): the authority's due and overdue lists in its scope, the estate's orders to
 * answer (a phone page), and the order page with its answers, interviews and the re-check.
 */
@Controller
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class OrderController {

    private static final int EXPORT_ROWS = 5000;

    private final RectificationOrders orders;
    private final Rechecks rechecks;
    private final Sanctions sanctions;
    private final Uploads uploads;
    private final OrderExport export;
    private final Campaigns campaigns;
    private final OrgDirectory org;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    OrderController(RectificationOrders orders, Rechecks rechecks, Sanctions sanctions, Uploads uploads, OrderExport export,
                    Campaigns campaigns, OrgDirectory org, MessageSource messages, Clock clock, ZoneId zone) {
        this.org = org;
        this.orders = orders;
        this.rechecks = rechecks;
        this.sanctions = sanctions;
        this.uploads = uploads;
        this.export = export;
        this.campaigns = campaigns;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** The orders of the reader's scope, or of a region or estate in it (the list behind the cockpit's open orders). */
    @GetMapping("/supervision/orders")
    String list(@RequestParam(required = false) Filter filter, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long phase, @RequestParam(required = false) Long region,
                @RequestParam(required = false) Long estate, @RequestParam(required = false) String after,
                @RequestParam(required = false) String before, @RequestParam(required = false) Integer size, Model model) {
        CurrentUser me = CurrentUser.require();
        Filter f = filter == null ? Filter.OPEN : filter;
        ListScope scope = org.listScope(me, region, estate);
        KeysetPage<OrderViews.Row> rows = orders.page(f, q, phase, after, before, Paging.clampSize(size), scope.path());
        model.addAttribute("region", scope.region());
        model.addAttribute("estate", estate);
        model.addAttribute("chosenEstate", scope.estate());
        model.addAttribute("filter", f);
        model.addAttribute("filters", Filter.values());
        model.addAttribute("q", q);
        model.addAttribute("phase", phase);
        model.addAttribute("size", size);
        model.addAttribute("phaseLabel", phase == null ? null : campaigns.phaseLabel(phase, me));
        model.addAttribute("rows", rows);
        RectificationOrders.Counts counts = orders.counts(phase, scope.path());
        model.addAttribute("overdue", counts.overdue());
        model.addAttribute("due", counts.due());
        model.addAttribute("answered", counts.answered());
        model.addAttribute("authority", me.role().level() == Role.Level.REGION);
        return "supervision/orders";
    }

    /** The list as filtered, every page of it (at most 5,000 rows), as an Excel workbook. */
    @GetMapping("/supervision/orders.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Filter filter, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Long phase, @RequestParam(required = false) Long region,
                                  @RequestParam(required = false) Long estate) {
        ListScope scope = org.listScope(CurrentUser.require(), region, estate);
        List<OrderViews.Row> rows = orders.list(filter == null ? Filter.OPEN : filter, q, phase, EXPORT_ROWS, scope.path());
        byte[] body = export.xlsx(rows, zone, key -> messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("rectification-orders.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/supervision/orders/{id}")
    String order(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUser.require();
        OrderViews.Order order = orders.order(id, me);
        boolean authority = me.role().level() == Role.Level.REGION && me.can(SupervisionPermission.SUPERVISION_MANAGE);
        model.addAttribute("order", order);
        model.addAttribute("mayAnswer", order.status() == OrderStatus.ISSUED && me.can(SupervisionPermission.SUPERVISION_ANSWER));
        model.addAttribute("mayManage", authority);
        model.addAttribute("mayRecheck", authority && order.status() == OrderStatus.ANSWERED);
        model.addAttribute("recheckItems", authority && order.status() == OrderStatus.ANSWERED ? rechecks.items(id, me) : List.of());
        model.addAttribute("sanctions", sanctions.ofOrder(id));
        model.addAttribute("sanctionKinds", SanctionKind.values());
        if (!model.containsAttribute("interview")) {
            model.addAttribute("interview", new InterviewForm(LocalDateTime.now(clock.withZone(zone)).withSecond(0).withNano(0),
                    me.displayName(), "", ""));
        }
        return "supervision/order";
    }

    /** The estate's answer: "action-{item}" for every item and any number of "evidence-{item}" photos or documents. */
    @PostMapping("/supervision/orders/{id}/answer")
    @PreAuthorize("hasAuthority('SUPERVISION_ANSWER')")
    String answer(@PathVariable long id, HttpServletRequest request, RedirectAttributes flash) throws IOException {
        CurrentUser me = CurrentUser.require();
        Map<Long, String> actions = new HashMap<>();
        Map<Long, List<UploadedFile>> evidence = new HashMap<>();
        for (OrderViews.Item item : orders.order(id, me).items()) {
            actions.put(item.id(), request.getParameter("action-" + item.id()));
            List<UploadedFile> files = new ArrayList<>();
            if (request instanceof MultipartHttpServletRequest multipart) {
                for (MultipartFile file : multipart.getFiles("evidence-" + item.id())) {
                    uploads.document(file).ifPresent(files::add);
                }
            }
            evidence.put(item.id(), files);
        }
        orders.answer(id, actions, evidence, me);
        flash.addFlashAttribute("saved", "answered");
        return "redirect:/supervision/orders/" + id;
    }

    @PostMapping("/supervision/orders/{id}/interviews")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String interview(@PathVariable long id, @Valid @ModelAttribute("interview") InterviewForm form, BindingResult errors, Model model,
                     RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return order(id, model);
        }
        orders.recordInterview(id, form, zone, CurrentUser.require());
        flash.addFlashAttribute("saved", "interview");
        return "redirect:/supervision/orders/" + id;
    }

    /** The re-check: "value-{item}" (score or deduction) or "answer-{item}" (YES/NO/NA), "note-{item}", a note and a photo. */
    @PostMapping("/supervision/orders/{id}/recheck")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String recheck(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile photo,
                   RedirectAttributes flash) throws IOException {
        CurrentUser me = CurrentUser.require();
        List<ItemEntry> entries = new ArrayList<>();
        for (TemplateItem item : rechecks.items(id, me)) {
            entries.add(new ItemEntry(item.id(), decimal(form.get("value-" + item.id())), answer(form.get("answer-" + item.id())),
                    form.get("note-" + item.id())));
        }
        List<InspectionPhoto> photos = new ArrayList<>();
        uploads.photo(photo).ifPresent(p -> photos.add(new InspectionPhoto(null, p.bytes(), p.mediaType())));
        boolean passed = rechecks.recheck(id, entries, form.get("note"), photos, me);
        flash.addFlashAttribute("saved", passed ? "verified" : "recheckFailed");
        return "redirect:/supervision/orders/" + id;
    }

    @PostMapping("/supervision/orders/{id}/sanctions")
    @PreAuthorize("hasAuthority('SUPERVISION_MANAGE')")
    String sanction(@PathVariable long id, @Valid @ModelAttribute Sanctions.SanctionForm form, RedirectAttributes flash) {
        sanctions.impose(form, CurrentUser.require());
        flash.addFlashAttribute("saved", "sanction");
        return "redirect:/supervision/orders/" + id;
    }

    @GetMapping("/supervision/orders/evidence/{id}")
    ResponseEntity<byte[]> evidence(@PathVariable long id) {
        return Uploads.serve(orders.evidence(id, CurrentUser.require()), "rectification-evidence-" + id);
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("spv.recheck.error.number", value);
        }
    }

    private static YesNoNa answer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YesNoNa.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("spv.recheck.error.answer", value);
        }
    }
}
