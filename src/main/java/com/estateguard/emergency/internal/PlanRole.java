package com.estateguard.emergency.internal;

/**
 * The working group's posts (疫情防控工作组, seed 004 附件2 二(二)): the leader is the project manager
 * (由物业服务企业项目经理担任组长); each other post has one named person (专人专岗).
 */
public enum PlanRole {
    LEADER, REPORTING, GATE, OBSERVATION, CDC_GUIDE, DISINFECTION, SUPPLIES, COMMUNICATION
}
