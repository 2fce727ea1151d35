package com.estateguard.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.policy.PolicyPreset;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finding 7 of issue 8: photos of a returnee's refusal and of a disinfection, uploaded as a client
 * would (any name, any declared type), are judged by their bytes and served back only as the image
 * they are, with nosniff; an SVG or HTML file never comes back as SVG or HTML.
 */
@IntegrationTest
class UploadedPhotosTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    LedgersTestData ledgers;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anSvgRefusalPhotoIsRefusedAndNothingIsStored() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        TestClient admin = desk(estate);
        var answer = admin.postFile("/returnees/refusals", refusal("SVG者"), "photo", "x.svg", "image/svg+xml", UploadsTest.SVG);
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.body()).contains("照片须为 JPEG、PNG 或 WebP 图片");
        assertThat(refusalsOf(estate.id(), "SVG者")).isZero();
    }

    @Test
    void anHtmlFileRenamedJpgIsRefused() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var answer = desk(estate).postFile("/returnees/refusals", refusal("HTML者"), "photo", "photo.jpg", "image/jpeg", UploadsTest.HTML);
        assertThat(answer.status()).isEqualTo(415);
        assertThat(refusalsOf(estate.id(), "HTML者")).isZero();
    }

    @Test
    void aPngDeclaredAsHtmlIsStoredAndServedAsPngWithNosniff() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        TestClient admin = desk(estate);
        var answer = admin.postFile("/returnees/refusals", refusal("PNG者"), "photo", "page.html", "text/html", UploadsTest.PNG);
        assertThat(answer.status()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM res_return_refusal WHERE estate_id = :e AND person_name = 'PNG者'")
                .param("e", estate.id()).query(Long.class).single();

        HttpResponse<byte[]> photo = admin.getBytes("/returnees/refusals/" + id + "/photo");
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(photo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(photo.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline").doesNotContain("page.html");
        assertThat(photo.body()).isEqualTo(UploadsTest.PNG);
    }

    @Test
    void aPhotoAboveTheLimitIsRefusedWithTheLimitInChinese() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(UploadsTest.PNG, 0, big, 0, UploadsTest.PNG.length);
        var answer = desk(estate).postFile("/returnees/refusals", refusal("大图者"), "photo", "big.png", "image/png", big);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("文件过大：不能超过 5 MB");
        assertThat(refusalsOf(estate.id(), "大图者")).isZero();
    }

    /** A row written before the check (an SVG stored with its client's type) is only ever downloaded, as octet-stream. */
    @Test
    void anSvgStoredBeforeTheCheckIsNeverServedAsSvg() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        long id = jdbc.sql("""
                        INSERT INTO res_return_refusal (estate_id, person_name, note, photo, photo_type, created_by)
                        VALUES (:e, '旧记录', '旧照片', :p, 'image/svg+xml', 'test') RETURNING id""")
                .param("e", estate.id()).param("p", UploadsTest.SVG).query(Long.class).single();
        HttpResponse<byte[]> photo = desk(estate).getBytes("/returnees/refusals/" + id + "/photo");
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(photo.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(photo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aDisinfectionPhotoIsJudgedByItsBytesToo() {
        var site = ledgers.site(PolicyPreset.BEIJING_2022);
        var cleaner = ledgers.member(site, com.estateguard.common.Role.CLEANER, "保洁").login(port);
        var admin = site.admin().login(port);
        admin.get("/hygiene/estates/" + site.id());
        admin.postForm("/hygiene/estates/" + site.id() + "/places", Map.of("name", "上传大堂", "type", "LOBBY",
                "timesPerDay", "", "minMgL", "", "maxMgL", "", "ventilationMinutes", "", "wipeHeightM", "", "agent", ""));
        cleaner.get("/hygiene/tasks");
        long task = jdbc.sql("""
                        SELECT t.id FROM hyg_task t JOIN hyg_place p ON p.id = t.place_id
                         WHERE t.estate_id = :e AND p.name = '上传大堂' AND t.task_date = :d ORDER BY t.slot LIMIT 1""")
                .param("e", site.id()).param("d", clock.today()).query(Long.class).single();
        cleaner.get("/hygiene/tasks/" + task);

        var svg = cleaner.postFile("/hygiene/tasks/" + task, disinfection(), "photo", "a.svg", "image/svg+xml", UploadsTest.SVG);
        assertThat(svg.body()).contains("照片须为 JPEG、PNG 或 WebP 图片");
        assertThat(jdbc.sql("SELECT count(*) FROM hyg_record WHERE task_id = :t").param("t", task).query(Long.class).single()).isZero();

        var png = cleaner.postFile("/hygiene/tasks/" + task, disinfection(), "photo", "a.html", "text/html", UploadsTest.PNG);
        assertThat(png.status()).isEqualTo(302);
        var row = jdbc.sql("SELECT id, photo_type FROM hyg_record WHERE task_id = :t").param("t", task).query().singleRow();
        assertThat(row.get("photo_type")).isEqualTo("image/png");
        HttpResponse<byte[]> photo = admin.getBytes("/hygiene/records/" + row.get("id") + "/photo");
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(photo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private TestClient desk(TestData.Estate estate) {
        TestClient admin = estate.admin().login(port);
        admin.get("/returnees");
        return admin;
    }

    private static Map<String, String> refusal(String name) {
        return Map.of("personName", name, "note", "拒绝登记");
    }

    private Map<String, String> disinfection() {
        Map<String, String> f = new HashMap<>();
        f.put("doneAt", clock.localNow().withSecond(0).withNano(0).toString());
        f.put("agent", "CHLORINE");
        f.put("concentrationMgL", "300");
        f.put("areaM2", "80");
        f.put("ventilationMinutes", "30");
        return f;
    }

    private long refusalsOf(long estate, String name) {
        return jdbc.sql("SELECT count(*) FROM res_return_refusal WHERE estate_id = :e AND person_name = :n")
                .param("e", estate).param("n", name).query(Long.class).single();
    }
}
