package com.estateguard.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.common.InvalidInputException;
import com.estateguard.notices.CaseKind;
import com.estateguard.notices.internal.PublicNotice;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** De-identification of case notices (COM-02): surname and a mask, building only, nothing identifying. */
class PublicNoticeTest {

    private static final List<String> BUILDINGS = List.of("1号楼", "3号楼");

    private static PublicNotice notice(String name, String building, String note) {
        return PublicNotice.deidentify(new PublicNotice.CaseReport(CaseKind.CONFIRMED, name, building, LocalDate.of(2022, 4, 1), note),
                BUILDINGS);
    }

    @Test
    void onlyTheSurnameIsKept() {
        assertThat(notice("张三丰", "3号楼", null).maskedName()).isEqualTo("张某");
        assertThat(notice("欧阳娜娜", "3号楼", null).maskedName()).isEqualTo("欧阳某");
        assertThat(notice("王五", "1号楼", null).building()).isEqualTo("1号楼");
    }

    @Test
    void anythingFinerThanABuildingOfTheEstateIsRefused() {
        assertThatThrownBy(() -> notice("张三", "3号楼2单元501室", null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("ntc.error.building");
    }

    @Test
    void aNoteWithAnIdNumberPhoneRoomOrNameCannotBePublished() {
        for (String note : List.of("身份证110105198001010012", "联系电话13812345678", "住501室", "2-1-501", "张三丰已转运", "三丰已转运")) {
            assertThatThrownBy(() -> notice("张三丰", "3号楼", note)).as(note).isInstanceOf(InvalidInputException.class)
                    .hasMessage("ntc.error.noteIdentifies");
        }
        assertThat(notice("张三丰", "3号楼", "已转运至定点医院，楼栋已终末消毒").note()).isEqualTo("已转运至定点医院，楼栋已终末消毒");
    }
}
