package com.estateguard.healthdata;

public enum NatResult { NEGATIVE, POSITIVE }
