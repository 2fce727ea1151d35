package com.estateguard.supervision.internal.web;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.DomainException;
import com.estateguard.common.IllegalTransition;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.org.EstateId;
import com.estateguard.supervision.InspectionId;
import com.estateguard.supervision.InspectionKind;
import com.estateguard.supervision.InspectionResult;
import com.estateguard.supervision.Inspections;
import com.estateguard.supervision.InvalidItemValues;
import com.estateguard.supervision.ItemEntry;
import com.estateguard.supervision.SubmitInspection;
import com.estateguard.supervision.TemplateId;
import com.estateguard.supervision.TemplateItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspections as JSON for a signed-in inspector's own client (the phone page's script, an app):
 * the same session and CSRF token as the pages, since the {@code /api/v1} chain admits device keys
 * only. Errors are problem+json (docs/API.md shape): an impossible value is 422
 * {@code INVALID_ITEM_VALUES} with one entry per item in {@code errors} ({@code field} is
 * {@code entries[<itemId>]}).
 */
@RestController
@PreAuthorize("hasAuthority('SUPERVISION_READ')")
class InspectionJsonController {

    /** An inspection as submitted by a client. */
    record SubmitRequest(@NotNull Long templateId, @NotNull Long estateId, InspectionKind kind, Long campaignId, Long phaseId,
                         Long rechecksId, Long correctsId, @Size(max = 2000) String note,
                         @NotNull @Size(max = 500) List<@Valid @NotNull Entry> entries) {
    }

    record Entry(@NotNull Long itemId, java.math.BigDecimal value, com.estateguard.supervision.YesNoNa answer, @Size(max = 1000) String note) {
    }

    private final Inspections inspections;
    private final MessageSource messages;
    private final Map<Class<? extends DomainException>, HttpStatus> statuses;

    InspectionJsonController(Inspections inspections, MessageSource messages, SupervisionErrorStatuses statuses) {
        this.inspections = inspections;
        this.messages = messages;
        this.statuses = statuses.statuses();
    }

    @PostMapping(value = "/supervision/inspections", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SUPERVISION_INSPECT')")
    ResponseEntity<InspectionResult> submit(@Valid @RequestBody SubmitRequest body) {
        CurrentUser me = CurrentUser.require();
        InspectionId id = inspections.submit(new SubmitInspection(new TemplateId(body.templateId()), new EstateId(body.estateId()),
                body.campaignId(), body.phaseId(), body.kind(), body.rechecksId() == null ? null : new InspectionId(body.rechecksId()),
                body.correctsId() == null ? null : new InspectionId(body.correctsId()),
                body.entries().stream().map(e -> new ItemEntry(e.itemId(), e.value(), e.answer(), e.note())).toList(), body.note(),
                List.of()), me);
        return ResponseEntity.created(URI.create("/supervision/inspections/" + id.value())).body(inspections.result(id, me));
    }

    @GetMapping(value = "/supervision/inspections/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    InspectionResult result(@PathVariable long id) {
        return inspections.result(new InspectionId(id), CurrentUser.require());
    }

    @GetMapping(value = "/supervision/templates/{id}/items", produces = MediaType.APPLICATION_JSON_VALUE)
    List<TemplateItem> items(@PathVariable long id) {
        return inspections.items(new TemplateId(id));
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException e, HttpServletRequest request) {
        HttpStatus status = statusOf(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(e.messageKey(), e.args()));
        problem.setType(URI.create("about:blank"));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", e.code());
        if (e instanceof InvalidItemValues invalid) {
            problem.setProperty("errors", invalid.refusals().stream().map(r -> Map.of(
                    "field", "entries[" + r.itemId() + "]",
                    "code", DomainException.codeOf(r.messageKey().substring(r.messageKey().lastIndexOf('.') + 1)),
                    "item", r.itemText(),
                    "message", text(r.messageKey(), r.args().toArray()))).toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private HttpStatus statusOf(DomainException e) {
        for (Class<?> type = e.getClass(); type != DomainException.class; type = type.getSuperclass()) {
            HttpStatus status = statuses.get(type);
            if (status != null) {
                return status;
            }
        }
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof NotPermittedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof IllegalTransition) {
            return HttpStatus.CONFLICT;
        }
        return e instanceof InvalidInputException ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
