package com.estateguard.access;

public enum Direction { IN, OUT }
