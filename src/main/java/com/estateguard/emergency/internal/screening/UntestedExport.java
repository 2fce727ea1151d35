package com.estateguard.emergency.internal.screening;

import com.estateguard.audit.AuditAction;
import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import com.estateguard.common.CurrentUser;
import com.estateguard.emergency.internal.screening.ScreeningOutcome.PersonStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;

/**
 * The round's list of those not yet tested (未检人员) as .xlsx, exactly the board's list at that
 * moment, with those of a positive pool to re-test alone on a sheet of their own. Names and homes
 * are personal data: every export goes to the audit trail.
 */
@Service
public class UntestedExport {

    static final List<String> COLUMNS = List.of("楼栋", "单元", "房号", "姓名", "类别");

    private final ScreeningRounds rounds;
    private final AuditTrail audit;

    UntestedExport(ScreeningRounds rounds, AuditTrail audit) {
        this.rounds = rounds;
        this.audit = audit;
    }

    /** Writes the workbook; returns how many untested people it lists. */
    public int export(long roundId, CurrentUser me, OutputStream out) throws IOException {
        ScreeningRounds.Board board = rounds.board(roundId, me);
        Workbook wb = new Workbook(out, "EstateGuard", "1.0");
        write(wb.newWorksheet("未检人员"), board.untested());
        write(wb.newWorksheet("混管阳性待单采复核"), board.retest());
        wb.finish();
        audit.record(AuditEntry.by(me, AuditAction.EXPORT, "第" + board.round().number() + "轮核酸筛查 未检人员")
                .inEstate(board.round().estateId()).export(board.untested().size() + board.retest().size(), true, null));
        return board.untested().size();
    }

    private static void write(Worksheet sheet, List<PersonStatus> people) {
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.value(0, c, COLUMNS.get(c));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (PersonStatus p : people) {
            DuePerson d = p.person();
            boolean staff = d.kind() == DuePerson.Kind.STAFF;
            String[] values = {staff ? "" : d.building(), staff ? "" : d.unit(), staff ? "" : d.room(), d.name(), staff ? "工作人员" : "住户"};
            for (int c = 0; c < values.length; c++) {
                sheet.value(r, c, values[c]);
            }
            r++;
        }
    }
}
