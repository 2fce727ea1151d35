package com.estateguard.hygiene.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a plan's "n times a day" into the day's tasks (每日消毒任务): the working day is split
 * into n equal windows and each task is due at the end of its window, so a plan of 2 asks for one
 * round by 13:00 and one by 20:00.
 */
public final class TaskSchedule {

    /** The cleaners' working day; the seeds say how often, not when. */
    static final LocalTime DAY_START = LocalTime.of(6, 0);
    static final LocalTime DAY_END = LocalTime.of(20, 0);

    private TaskSchedule() {
    }

    public record Slot(int number, Instant dueAt) {
    }

    public static List<Slot> slots(LocalDate day, int timesPerDay, ZoneId zone) {
        if (timesPerDay < 1) {
            throw new IllegalArgumentException("times per day must be at least 1");
        }
        Duration window = Duration.between(DAY_START, DAY_END).dividedBy(timesPerDay);
        Instant start = day.atTime(DAY_START).atZone(zone).toInstant();
        List<Slot> slots = new ArrayList<>();
        for (int i = 1; i <= timesPerDay; i++) {
            slots.add(new Slot(i, start.plus(window.multipliedBy(i))));
        }
        return slots;
    }
}
