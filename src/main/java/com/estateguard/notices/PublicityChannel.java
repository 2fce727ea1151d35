package com.estateguard.notices;

/** The estate's channels to its residents (seed 004 三(三): 公告栏、广播、LED屏、业主微信群) and the guidance at the gate. */
public enum PublicityChannel { GATE_GUIDANCE, NOTICE_BOARD, BROADCAST, OWNER_GROUP, LED_SCREEN }
