package com.estateguard.residents.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.identity.Users;
import java.time.LocalDate;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo households at 阳光花园 and 西岸名邸, and a resident login at 西岸名邸 (Kunshan 2020 preset). */
@Component
@Order(10)
class ResidentsDemo implements DemoExtension {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"建国", "秀英", "桂兰", "志强", "丽娟", "海燕", "文博", "子涵", "晓明", "淑珍"};

    private final ResidentRegister register;
    private final Users users;
    private final Parcels parcels;

    ResidentsDemo(ResidentRegister register, Users users, Parcels parcels) {
        this.register = register;
        this.users = users;
        this.parcels = parcels;
    }

    @Override
    public void load(DemoBase base) {
        var seed = new CurrentUser(0, "demo-seed", "seed", Role.PREVENTION_ADMIN, "R/", null, null);
        households(base.estates().get(0), "320583", 40, seed);
        households(base.estates().get(5), "320583", 24, seed);
        users.createSeeded(new Users.NewUser("residentf", DemoBase.PASSWORD, "西岸名邸 业主 陶文静", Role.RESIDENT, null, null,
                base.estates().get(5), null), users.hash(DemoBase.PASSWORD), "demo-seed");
        // The resident logins are people of the register, so parcels for their home reach them.
        parcels.linkLogin(register.add(base.estates().get(5), new ResidentLine("5", "2", "301", "陶文静", PersonKind.OWNER,
                "13912340001", idNumber("320583", 19_000), false, false), seed), "residentf");
        parcels.linkLogin(register.add(base.estates().get(0), new ResidentLine("1", "1", "101", "黄海燕", PersonKind.OWNER,
                "13912340002", idNumber("110105", 19_001), false, false), seed), "resident");
    }

    private static String idNumber(String area, long days) {
        String first17 = area + LocalDate.of(1950, 1, 1).plusDays(days).toString().replace("-", "")
                + String.format("%03d", days % 1000);
        return first17 + IdNumber.checkChar(first17);
    }

    private void households(long estateId, String area, int people, CurrentUser seed) {
        for (int i = 0; i < people; i++) {
            String id = idNumber(area, estateId * 1000 + i * 397L);
            PersonKind kind = i % 7 == 3 ? PersonKind.TENANT : i % 11 == 5 ? PersonKind.FLOATING : PersonKind.OWNER;
            register.add(estateId, new ResidentLine(String.valueOf(1 + i / 8), String.valueOf(1 + i % 2),
                    (1 + i % 4) + "0" + (1 + i % 3), SURNAMES[i % SURNAMES.length] + GIVEN[(i / 3) % GIVEN.length], kind,
                    "139" + String.format("%08d", estateId * 100_000 + i), id, i % 9 == 0, i % 5 == 0), seed);
        }
    }
}
