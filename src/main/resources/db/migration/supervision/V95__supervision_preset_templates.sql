-- The preset templates, word for word from the seeds (reference data, installed on every database).
--   HUACHUAN_2021        seed 001, 附件1《桦川县住宅小区物业服企业疫情防控检查考核管理评分表》: 8 sections, their
--                        总分值 10+10+20+20+15+5+10+10 = 100; each item's 分值 as the table prints it (21 rows of
--                        评分标准). Where an item's sentence and its 分值 column differ (5.2 "规范得5分" beside 10,
--                        8.1 "落实到位得2分，不到位酌情扣1-2分" beside 5), the column is taken: only it adds up to
--                        the section's 总分值 and to 100.
--   ZHONGSHAN_2022_FORM  seed 003, 附件4《物业小区疫情防控检查登记表》: yes / no / not applicable, no points; its
--                        基本情况 (date, name, street, department, estate, company) are the inspection's own fields.
--   ZHONGSHAN_2022_LETTER seed 003, 附件3《致中山市各物业服务企业的一封信》: the 12 questions, yes / no.
-- Evidence keys name the RecordEvidence figure shown beside an item (several separated by commas).
create function sup_preset_item(p_section bigint, p_position int, p_text text, p_max numeric, p_min numeric,
                                p_mode text, p_evidence text) returns void language sql as $$
    insert into sup_template_item (section_id, position, text, max_points, min_points, mode, evidence_key)
    values (p_section, p_position, p_text, p_max, p_min, p_mode, p_evidence);
$$;

do $$
declare
    t bigint;
    s bigint;
begin
    -- 001 Huachuan: created as a draft, filled, then put in use (a template in use is frozen).
    insert into sup_template (code, name, version, status, total_points, source, preset, created_by)
    values ('HUACHUAN_2021', '桦川县住宅小区物业服企业疫情防控检查考核管理评分表', 1, 'DRAFT', 100,
            '001 桦川 2021 附件1', true, 'seed')
    returning id into t;

    insert into sup_template_section (template_id, position, title, max_points) values (t, 1, '建立健全防控机制', 10) returning id into s;
    perform sup_preset_item(s, 1, '建立实体化运作的疫情防控组织架构。建立落实得3分，未建立落实不得分。', 3, 0, 'ALL_OR_NOTHING', null);
    perform sup_preset_item(s, 2, '根据小区实际情况建立管控措施及制度。建立得2分，未建立不得分。', 2, 0, 'ALL_OR_NOTHING', null);
    perform sup_preset_item(s, 3, '制定疫情防控应急预案，设置应急处置区域。有得2分，没有不得分。', 2, 0, 'ALL_OR_NOTHING', 'org.observationPoint');
    perform sup_preset_item(s, 4, '建立小区风险排查化解机制，及时掌握小区内是否存在疑似新冠症状人员、中高风险返桦人员、麻将厅、聚会等情况，并及时报告。视工作实际情况给予1-3分。', 3, 1, 'GRADED', null);

    insert into sup_template_section (template_id, position, title, max_points) values (t, 2, '做好疫情防控宣传', 10) returning id into s;
    perform sup_preset_item(s, 1, '通过企业微信公众号、业主微信群、小区宣传栏等渠道宣传疫情防控知识，全天播放防控宣传广播，引导群众科学防治，不信谣、不传谣、不造谣。宣传到位得8分，不到位不得分。', 8, 0, 'ALL_OR_NOTHING', null);
    perform sup_preset_item(s, 2, '积极宣传物业管理从业者坚守本职岗位、积极参与抗疫的先进事迹。有得2分，没有不得分。', 2, 0, 'ALL_OR_NOTHING', null);

    insert into sup_template_section (template_id, position, title, max_points) values (t, 3, '执行“一测二问三核查”制度', 20) returning id into s;
    perform sup_preset_item(s, 1, '出入口设24小时专职值守人员，做好测温，问去向和健康状况，核查身份信息、居住证、行程码工作。落实到位得8分，不到位不得分。', 8, 0, 'ALL_OR_NOTHING', 'staff.gateHours,access.checksComplete');
    perform sup_preset_item(s, 2, '小区设置快递、外卖专区，禁止外卖、快递人车进入。设置得2分，未设置不得分。', 2, 0, 'ALL_OR_NOTHING', null);
    perform sup_preset_item(s, 3, '配合包保单位做好小区门卡值守工作。配合得10分，配合不到位酌情扣1-10分。', 10, 0, 'DEDUCTION', 'staff.gateHours');

    insert into sup_template_section (template_id, position, title, max_points) values (t, 4, '加强消毒消杀和通风换气', 20) returning id into s;
    perform sup_preset_item(s, 1, '加强楼栋大堂、走廊、停车场、楼梯间、电梯间等公共区域的通风和消毒消杀工作，每天不少于2次，每次消毒结束进行通风处理15-20分钟，并做好消毒记录。全满足得10分，其他不得分。', 10, 0, 'ALL_OR_NOTHING', 'hygiene.compliance');
    perform sup_preset_item(s, 2, '物业企业在小区消毒消杀、门卡管理等方面是否有专人负责。都有得5分，没有酌情扣分。', 5, 0, 'DEDUCTION', null);
    perform sup_preset_item(s, 3, '及时对垃圾及收集容器消毒。到位得5分，不到位酌情扣1-5分。', 5, 0, 'DEDUCTION', 'hygiene.compliance');

    insert into sup_template_section (template_id, position, title, max_points) values (t, 5, '做好小区院内垃圾清运工作', 15) returning id into s;
    perform sup_preset_item(s, 1, '环境卫生和服务管理到位，院内垃圾及时清运工作。到位得5分，不到位不得分。', 5, 0, 'ALL_OR_NOTHING', null);
    perform sup_preset_item(s, 2, '规范废弃口罩、废弃手套、居家隔离人员产生的特殊垃圾投放。规范得5分，不规范不得分。', 10, 0, 'ALL_OR_NOTHING', null);

    insert into sup_template_section (template_id, position, title, max_points) values (t, 6, '关闭活动场所，避免人群聚集', 5) returning id into s;
    perform sup_preset_item(s, 1, '关闭物业管理区域内各类供业主使用的室内活动场所。及时关闭得2分，不及时关闭不得分。', 2, 0, 'ALL_OR_NOTHING', null);
    perform sup_preset_item(s, 2, '禁止在小区举行聚集性活动。管控到位得3分，不到位不得分。', 3, 0, 'ALL_OR_NOTHING', null);

    insert into sup_template_section (template_id, position, title, max_points) values (t, 7, '做好员工培训和内部管控', 10) returning id into s;
    perform sup_preset_item(s, 1, '加强一线物业从业人员疫情防控专业培训。有培训得6分，没有不得分。', 6, 0, 'ALL_OR_NOTHING', 'staff.training');
    perform sup_preset_item(s, 2, '建立员工健康台账，每天进行健康监测。建立并落实得2分，未建立或不落实均不得分。', 2, 0, 'ALL_OR_NOTHING', 'staff.healthDays');
    perform sup_preset_item(s, 3, '规范上岗操作行为。规范得2分，不规范不得分。', 2, 0, 'ALL_OR_NOTHING', null);

    insert into sup_template_section (template_id, position, title, max_points) values (t, 8, '积极做好防疫物资储备工作', 10) returning id into s;
    perform sup_preset_item(s, 1, '积极主动采购防疫物资，做好物资储备工作。落实到位得2分，不到位酌情扣1-2分。', 5, 0, 'DEDUCTION', 'supplies.cover');
    perform sup_preset_item(s, 2, '疫情防控企业设置疫情防控保障资金。设置得5分，资金保障不充分的酌情扣1-5分。', 5, 0, 'DEDUCTION', null);

    update sup_template set status = 'IN_USE', published_at = now(), published_by = 'seed' where id = t;

    -- 003 Zhongshan inspection form (附件4).
    insert into sup_template (code, name, version, status, total_points, source, preset, created_by)
    values ('ZHONGSHAN_2022_FORM', '物业小区疫情防控检查登记表', 1, 'DRAFT', 0, '003 中山 2022 附件4', true, 'seed')
    returning id into t;
    insert into sup_template_section (template_id, position, title, max_points) values (t, 1, '文件指引是否上墙', 0) returning id into s;
    perform sup_preset_item(s, 1, '《中山市物业管理区域疫情防控通告》', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 2, '《中山市物业管理疫情防控“十必须”》', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 3, '《中山市物业管理区域疫情防控简明工作指引》', 0, 0, 'YES_NO_NA', null);
    insert into sup_template_section (template_id, position, title, max_points) values (t, 2, '是否设置有隔离观察点', 0) returning id into s;
    perform sup_preset_item(s, 1, '是否设置有隔离观察点', 0, 0, 'YES_NO_NA', 'org.observationPoint');
    insert into sup_template_section (template_id, position, title, max_points) values (t, 3, '对快递员、外卖员等来访人员是否实施扫码、测温、登记，并要求佩戴口罩', 0) returning id into s;
    perform sup_preset_item(s, 1, '对快递员、外卖员等来访人员是否实施扫码、测温、登记，并要求佩戴口罩', 0, 0, 'YES_NO_NA', 'access.checksComplete');
    insert into sup_template_section (template_id, position, title, max_points) values (t, 4, '是否对所有进入人员进行体温检测、并要求佩戴口罩', 0) returning id into s;
    perform sup_preset_item(s, 1, '是否对所有进入人员进行体温检测、并要求佩戴口罩', 0, 0, 'YES_NO_NA', 'access.checksComplete');
    insert into sup_template_section (template_id, position, title, max_points) values (t, 5, '是否提醒来往人员佩戴口罩', 0) returning id into s;
    perform sup_preset_item(s, 1, '是否提醒来往人员佩戴口罩', 0, 0, 'YES_NO_NA', null);
    insert into sup_template_section (template_id, position, title, max_points) values (t, 6, '员工是否佩戴口罩', 0) returning id into s;
    perform sup_preset_item(s, 1, '员工是否佩戴口罩', 0, 0, 'YES_NO_NA', null);
    insert into sup_template_section (template_id, position, title, max_points) values (t, 7, '检查发现的其他情况', 0) returning id into s;
    perform sup_preset_item(s, 1, '检查发现的其他情况', 0, 0, 'TEXT', null);
    update sup_template set status = 'IN_USE', published_at = now(), published_by = 'seed' where id = t;

    -- 003 Zhongshan letter (附件3): the 12 questions each company head answers.
    insert into sup_template (code, name, version, status, total_points, source, preset, created_by)
    values ('ZHONGSHAN_2022_LETTER', '致中山市各物业服务企业的一封信', 1, 'DRAFT', 0, '003 中山 2022 附件3', true, 'seed')
    returning id into t;
    insert into sup_template_section (template_id, position, title, max_points)
    values (t, 1, '请您认真阅读以下内容', 0) returning id into s;
    perform sup_preset_item(s, 1, '您是否清楚物业服务企业负责人必须严格履行物业管理区域疫情防控第一责任人责任？', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 2, '您是否清楚并要求所有门岗严格执行所有进入人员进行体温检测、佩戴口罩，来访人员（返回人员）同时要做好登记、验码（行程码、健康码），发现异常情况第一时间报告社区及相关部门？', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 3, '您是否清楚并要求对快递员、外卖员等实行特殊人群管理，提倡实施无接触配送?', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 4, '您是否清楚并要求所有物业服务企业员工必须佩戴好口罩？', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 5, '您是否清楚并要求各物业项目制定疫情防控应急预案，并开展员工的疫情知识培训及疫情防控应急演练？', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 6, '您是否清楚并要求每天需对重点公共区域、设施设备进行清洁消毒，并完善台账记录？', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 7, '您是否清楚并要求各物业管理区域至少设置一个隔离观察点？', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 8, '您是否清楚并要求严格实施员工外出审批制度、来（返）报备制度？', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 9, '您是否清楚并要求员工每天早晚体温测量2次，并完善台账记录？', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 10, '您是否清楚并要求员工提高核酸检测频率，做到应检尽检，落实疫苗应接尽接，并造册登记？', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 11, '您是否清楚并要求员工向业主、住户正确做好防疫知识宣传，不信谣、不造谣、不传谣，及时转发官方发布的最新疫情信息？', 0, 0, 'YES_NO_NA', null);
    perform sup_preset_item(s, 12, '您是否清楚并要求员工主动参与社区疫情防控工作，积极开展志愿服务工作？', 0, 0, 'YES_NO_NA', null);
    update sup_template set status = 'IN_USE', published_at = now(), published_by = 'seed' where id = t;
end $$;

drop function sup_preset_item(bigint, int, text, numeric, numeric, text, text);
