package com.estateguard.residents.internal;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotPermittedException;
import com.estateguard.residents.ResidentPermission;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as .xlsx in the import template's columns, so an export can be edited and
 * imported again. Only roles with RESIDENT_EXPORT may export (not the guard). ID numbers are
 * masked unless the user may see them (RESIDENT_ID_VIEW) and gives a reason; every export goes to
 * the audit trail: who, which rows, how many, masked or not, and the reason.
 */
@Service
public class ResidentExport {

    private final ResidentRegister register;
    private final IdCipher cipher;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final AuditTrail audit;

    ResidentExport(ResidentRegister register, IdCipher cipher, org.springframework.jdbc.core.simple.JdbcClient jdbc,
                   AuditTrail audit) {
        this.register = register;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public void template(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "EstateGuard", "1.0");
        header(wb.newWorksheet("住户名册"));
        Worksheet help = wb.newWorksheet("填写说明");
        String[] lines = {"第一张表第一行为表头，从第二行起每行一人；同一户多人填写相同的楼栋、单元、房号。",
                "身份证号须为 18 位居民身份证号（GB 11643 校验），同一小区内不可重复。",
                "手机号为 11 位手机号或座机号（如 0512-57001234），可留空。",
                "人员类别：业主、租户、房东、流动人口。", "无智能手机、门禁通行：填 是 或 否，留空视为否。",
                "重复导入同一文件不会产生重复记录；已有人员的信息以最新文件为准。"};
        for (int i = 0; i < lines.length; i++) {
            help.value(i, 0, lines[i]);
        }
        wb.finish();
    }

    /** Writes the matching rows; returns how many, and whether the ID numbers went out masked. */
    @Transactional(readOnly = true)
    public Exported export(Long estateId, String q, PersonKind kind, String reason, CurrentUser me, OutputStream out)
            throws IOException {
        if (!me.can(ResidentPermission.RESIDENT_EXPORT)) {
            throw new NotPermittedException();
        }
        if (estateId != null) {
            register.estateInScope(estateId, me);
        }
        boolean full = me.can(ResidentPermission.RESIDENT_ID_VIEW) && reason != null && !reason.isBlank();
        Workbook wb = new Workbook(out, "EstateGuard", "1.0");
        Worksheet sheet = wb.newWorksheet("住户名册");
        header(sheet);
        AtomicInteger row = new AtomicInteger(1);
        register.forEach(estateId, q, kind, me, p -> {
            int r = row.getAndIncrement();
            String[] values = {p.building(), p.unit(), p.room(), p.name(), full ? fullId(p.id()) : p.idMasked(), p.phone(),
                    p.kind().labelZh(), p.noSmartphone() ? "是" : "否", p.accessControl() ? "是" : "否"};
            for (int c = 0; c < values.length; c++) {
                sheet.value(r, c, values[c]);
            }
        });
        wb.finish();
        Exported exported = new Exported(row.get() - 1, !full);
        audit.record(AuditEntry.by(me, AuditAction.EXPORT, subject(q, kind)).inEstate(estateId)
                .export(exported.rows(), exported.masked(), reason));
        return exported;
    }

    /** What an export wrote: the number of people and whether their ID numbers were masked. */
    public record Exported(int rows, boolean masked) {
    }

    private static String subject(String q, PersonKind kind) {
        return "住户名册" + (kind == null ? "" : " 类别=" + kind.labelZh()) + (q == null || q.isBlank() ? "" : " 搜索=" + q.strip());
    }

    private String fullId(long personId) {
        return cipher.decrypt(jdbc.sql("SELECT id_cipher FROM res_person WHERE id = :id").param("id", personId)
                .query(String.class).single());
    }

    private static void header(Worksheet sheet) {
        for (int c = 0; c < ResidentImport.COLUMNS.size(); c++) {
            sheet.value(0, c, ResidentImport.COLUMNS.get(c));
            sheet.style(0, c).bold().set();
        }
    }
}
