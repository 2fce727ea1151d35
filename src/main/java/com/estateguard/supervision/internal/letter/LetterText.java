package com.estateguard.supervision.internal.letter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The content of a responsibility letter (压实责任一封信) as it is published and signed. Its text is
 * laid out one way only ({@link #canonical()}), and its SHA-256 over that text's UTF-8 bytes proves
 * later what a head signed: anyone can download the text and hash it. A changed letter is a new one.
 */
public record LetterText(String title, String body, List<String> questions, String closing, String issuer) {

    public LetterText {
        questions = List.copyOf(questions);
    }

    /** Title, body, the questions numbered "1." to "12.", the closing and the issuer, one blank line between parts. */
    public String canonical() {
        String numbered = String.join("\n", IntStream.range(0, questions.size())
                .mapToObj(i -> (i + 1) + "." + questions.get(i)).toList());
        return String.join("\n\n", title.strip(), body.strip(), numbered, closing.strip(), issuer.strip()) + "\n";
    }

    public String sha256() {
        return sha256(canonical());
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 《致中山市各物业服务企业的一封信》, seed 003 附件3, word for word: what the association copies
     * and adapts to its own city before publishing.
     */
    public static LetterText zhongshan2022() {
        return new LetterText("致中山市各物业服务企业的一封信",
                """
                各物业服务企业负责人：
                当前国内、省内疫情呈多点散发与局部暴发并存，我市疫情形势严峻复杂。为贯彻落实国家和省、市疫情防控工作要求，确保物业管理区域人、物和环境协同防控措施落细落地，请您认真阅读以下内容：""",
                List.of(
                        "您是否清楚物业服务企业负责人必须严格履行物业管理区域疫情防控第一责任人责任？",
                        "您是否清楚并要求所有门岗严格执行所有进入人员进行体温检测、佩戴口罩，来访人员（返回人员）同时要做好登记、验码（行程码、健康码），发现异常情况第一时间报告社区及相关部门？",
                        "您是否清楚并要求对快递员、外卖员等实行特殊人群管理，提倡实施无接触配送?",
                        "您是否清楚并要求所有物业服务企业员工必须佩戴好口罩？",
                        "您是否清楚并要求各物业项目制定疫情防控应急预案，并开展员工的疫情知识培训及疫情防控应急演练？",
                        "您是否清楚并要求每天需对重点公共区域、设施设备进行清洁消毒，并完善台账记录？",
                        "您是否清楚并要求各物业管理区域至少设置一个隔离观察点？",
                        "您是否清楚并要求严格实施员工外出审批制度、来（返）报备制度？",
                        "您是否清楚并要求员工每天早晚体温测量2次，并完善台账记录？",
                        "您是否清楚并要求员工提高核酸检测频率，做到应检尽检，落实疫苗应接尽接，并造册登记？",
                        "您是否清楚并要求员工向业主、住户正确做好防疫知识宣传，不信谣、不造谣、不传谣，及时转发官方发布的最新疫情信息？",
                        "您是否清楚并要求员工主动参与社区疫情防控工作，积极开展志愿服务工作？"),
                """
                疫情面前没有旁观者，疫情防控没有局外人。物业小区作为筑牢疫情“外防输入”防线的重要一环，在这关键时刻，唯有凝聚起强大的战斗力，肩扛责任，才能筑实筑牢我市物业小区疫情防控防线。疫情防控，坚持就是胜利！我们必将打赢这场硬仗！家园会更美好，山河终将无恙。
                祝愿您企业宏图大展，员工平安健康！""",
                "中山市住房和城乡建设局\n2022年4月19日");
    }
}
