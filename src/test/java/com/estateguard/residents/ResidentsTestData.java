package com.estateguard.residents;

import com.estateguard.Fixtures;
import com.estateguard.TestData;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.identity.Users;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.residents.internal.Parcels;
import com.estateguard.residents.internal.PersonKind;
import com.estateguard.residents.internal.ResidentLine;
import com.estateguard.residents.internal.ResidentRegister;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The residents' side of an estate built by {@link TestData}, through the modules' own services:
 * a household member who logs in as a resident (住户) and is linked to their entry in the register,
 * so their home's parcels and their own pass reach them; and a pickup point (快递外卖暂存架).
 */
@Component
public class ResidentsTestData {

    private static final String BY = "test-data";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ResidentRegister register;
    private final Parcels parcels;
    private final Users users;
    private final OrgDirectory org;
    private String passwordHash;

    ResidentsTestData(ResidentRegister register, Parcels parcels, Users users, OrgDirectory org) {
        this.register = register;
        this.parcels = parcels;
        this.users = users;
        this.org = org;
    }

    /** An owner at building-unit-room of the estate, in the register, with a resident login linked to that entry. */
    public Resident resident(TestData.Estate estate, String building, String unit, String room, String name) {
        String idNumber = Fixtures.newIdNumber();
        long person = register.add(estate.id(), new ResidentLine(building, unit, room, name, PersonKind.OWNER, "", idNumber,
                false, false), estate.admin().user());
        String username = "tresident" + SEQUENCE.incrementAndGet() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        String displayName = estate.name() + " 业主 " + name;
        long id = users.createSeeded(new Users.NewUser(username, TestData.PASSWORD, displayName, Role.RESIDENT, null, null,
                estate.id(), null), hash(), BY);
        parcels.linkLogin(person, username);
        var login = new TestData.Person(id, username,
                new CurrentUser(id, username, displayName, Role.RESIDENT, estate.regionPath(), estate.id(), null));
        return new Resident(person, name, idNumber, login);
    }

    /** The estate's parcel shelf by the south gate; returns its name as the parcel pages list it. */
    public String pickupPoint(TestData.Estate estate) {
        org.createPickupPoint(new EstateId(estate.id()), "快递外卖暂存架", "南门岗亭旁", BY);
        return "快递外卖暂存架（南门岗亭旁）";
    }

    private synchronized String hash() {
        if (passwordHash == null) {
            passwordHash = users.hash(TestData.PASSWORD);
        }
        return passwordHash;
    }

    /** A person of the register ({@code id} is their entry) and their resident login. */
    public record Resident(long id, String name, String idNumber, TestData.Person login) {
    }
}
