package com.estateguard.org;

public enum EntranceKind { PEDESTRIAN, VEHICLE, MIXED }
