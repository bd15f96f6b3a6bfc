package se.ange.tertial.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authentication-Results read as RFC 8601 writes them, and only the municipality's own server believed. */
class SenderAuthenticationTest {

    private static SenderAuthentication trusting(String authservId, boolean softfailRefuses) {
        return new SenderAuthentication(new MailConfig("Tertial <t@x>", null, null, null, 42,
                authservId == null ? null : List.of(authservId), softfailRefuses));
    }

    private static final SenderAuthentication MX = trusting("mx.ange.se", false);

    @ParameterizedTest
    @ValueSource(strings = {
        "mx.ange.se; dmarc=fail",
        "mx.ange.se; dmarc = fail",
        "mx.ange.se; dmarc=(p=reject) fail",
        "mx.ange.se; dmarc=fail (p=reject) header.from=ange.se",
        "mx.ange.se;\tdmarc\t=\tfail",
        "mx.ange.se;\r\n\tspf=pass smtp.mailfrom=ange.se;\r\n\tdkim=pass header.d=ange.se;\r\n\tdmarc=fail action=oreject",
        "mx.ange.se (Postfix; 3.7) 1; spf=pass (sender IP is 10.0.0.1; ok) smtp.mailfrom=ange.se; dmarc=fail",
        "MX.Ange.SE; DMARC=FAIL",
        "\"mx.ange.se\"; dmarc=fail",
        "mx.ange.se; dmarc=permerror",
        "mx.ange.se; dmarc=temperror (DNS timeout)",
        "mx.ange.se; dmarc/1=fail",
        "mx.ange.se; spf=pass smtp.mailfrom=\"a;dmarc=pass\"@ange.se; dmarc=fail",
    })
    void dmarc_fail_permerror_and_temperror_refuse_however_written(String header) {
        assertThat(MX.failed(List.of(header))).as(header).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mx.ange.se; dmarc=pass",
        "mx.ange.se; spf=pass; dkim=pass; dmarc=pass (p=reject)",
        "mx.ange.se; dmarc=pass (not dmarc=fail) header.from=ange.se",
        "mx.ange.se; none",
        "mx.ange.se; dmarc=none",
        "mx.ange.se; spf=softfail; dmarc=pass",
        "mx.ange.se; dmarc=bestguesspass",
    })
    void passes_and_unknowns_do_not_refuse(String header) {
        assertThat(MX.failed(List.of(header))).as(header).isFalse();
    }

    @Test
    void an_spf_or_dkim_fail_refuses_even_beside_a_dmarc_pass() {
        assertThat(MX.failed(List.of("mx.ange.se; spf=fail smtp.mailfrom=ange.se; dkim=pass; dmarc=pass"))).isTrue();
        assertThat(MX.failed(List.of("mx.ange.se; dkim=fail (body hash); spf=pass; dmarc=pass"))).isTrue();
    }

    @Test
    void without_dmarc_an_spf_or_dkim_fail_refuses() {
        assertThat(MX.failed(List.of("mx.ange.se; spf=fail smtp.mailfrom=ange.se"))).isTrue();
        assertThat(MX.failed(List.of("mx.ange.se; dkim=fail header.d=ange.se"))).isTrue();
        assertThat(MX.failed(List.of("mx.ange.se; spf=softfail smtp.mailfrom=ange.se"))).isFalse();
    }

    @Test
    void softfail_refuses_only_when_set() {
        SenderAuthentication strict = trusting("mx.ange.se", true);
        assertThat(strict.failed(List.of("mx.ange.se; spf=softfail smtp.mailfrom=ange.se"))).isTrue();
        assertThat(strict.failed(List.of("mx.ange.se; spf=pass; dmarc=softfail"))).isTrue();
        assertThat(MX.failed(List.of("mx.ange.se; spf=pass; dmarc=softfail"))).isFalse();
    }

    @Test
    void several_headers_and_several_results_are_all_read() {
        assertThat(MX.failed(List.of("mx.ange.se; spf=pass", "mx.ange.se; dkim=pass", "mx.ange.se; dmarc=fail")))
                .isTrue();
        assertThat(MX.failed(List.of("mx.ange.se; dmarc=pass; dmarc=fail"))).isTrue();
    }

    @Test
    void a_foreign_authserv_id_is_never_believed_either_way() {
        // the sender's own header saying fail does not refuse
        assertThat(MX.failed(List.of("mx.ange.se; dmarc=pass", "evil.example; dmarc=fail"))).isFalse();
        assertThat(MX.failed(List.of("evil.example; dmarc=fail"))).isFalse();
        // nor does the sender's own pass outweigh the municipality's fail
        assertThat(MX.failed(List.of("evil.example; dmarc=pass", "mx.ange.se; dmarc=fail"))).isTrue();
        // a look-alike is foreign
        assertThat(MX.failed(List.of("mx.ange.se.evil.example; dmarc=fail"))).isFalse();
        assertThat(MX.failed(List.of("mx.ange.se2; dmarc=fail"))).isFalse();
    }

    @Test
    void arc_authentication_results_are_never_read() throws Exception {
        String raw = "ARC-Authentication-Results: i=1; mx.ange.se; dmarc=fail\r\n"
                + "Authentication-Results: mx.ange.se; spf=pass; dmarc=pass\r\n"
                + "From: emma@ange.se\r\nSubject: x\r\n\r\nhej\r\n";
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertThat(MX.failed(message)).isFalse();
        assertThat(trusting(null, false).failed(message)).isFalse();
        String forged = "ARC-Authentication-Results: i=1; mx.ange.se; dmarc=pass\r\n"
                + "Authentication-Results: mx.ange.se;\r\n\tdmarc=fail\r\nFrom: emma@ange.se\r\n\r\nhej\r\n";
        assertThat(MX.failed(new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(forged.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))))
                .isTrue();
    }

    @Test
    void several_trusted_ids_may_be_listed() {
        SenderAuthentication two = trusting("mx1.ange.se, mx2.ange.se", false);
        assertThat(two.failed(List.of("mx2.ange.se; dmarc=fail"))).isTrue();
        assertThat(two.failed(List.of("mx3.ange.se; dmarc=fail"))).isFalse();
    }

    @Test
    void unset_only_the_topmost_headers_server_counts() {
        SenderAuthentication unset = trusting(null, false);
        assertThat(unset.failed(List.of("mx.ange.se; dmarc=fail", "evil.example; dmarc=pass"))).isTrue();
        assertThat(unset.failed(List.of("mx.ange.se; dmarc=pass", "evil.example; dmarc=fail"))).isFalse();
        assertThat(unset.failed(List.of("mx.ange.se; dmarc=pass", "mx.ange.se; dmarc=fail"))).isTrue();
    }

    @Test
    void the_parser_reads_the_authserv_id_and_every_result() {
        AuthenticationResults parsed = AuthenticationResults.parse(
                "mx.ange.se 1; (comment (nested; still)) spf = pass\tsmtp.mailfrom=ange.se;\r\n dkim=(x) fail; dmarc=fail")
                .orElseThrow();
        assertThat(parsed.authservId()).isEqualTo("mx.ange.se");
        assertThat(parsed.of("spf")).containsExactly("pass");
        assertThat(parsed.of("dkim")).containsExactly("fail");
        assertThat(parsed.of("dmarc")).containsExactly("fail");
    }
}
