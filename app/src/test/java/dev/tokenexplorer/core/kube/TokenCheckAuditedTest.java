package dev.tokenexplorer.core.kube;

import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.keys.SignatureVerifier.Verification;
import dev.tokenexplorer.core.kube.SecretVerdict.TokenCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an audit keeps of a token's check: everything but the signature notes no verdict reports. */
class TokenCheckAuditedTest {

    private static final Finding VERIFIED = Finding.of(FindingCode.SIGNATURE_VERIFIED, "The signature verifies with key 1.");
    private static final Finding WEAK = Finding.of(FindingCode.WEAK_KEY, "The signing key has only 1024 bits.");

    @Test
    void dropsOnlyTheFindingsNoVerdictReports() {
        TokenCheck check = new TokenCheck(null, null, null, new Verification(SignatureStatus.VERIFIED, "key 1", List.of(VERIFIED, WEAK)));
        TokenCheck audited = check.audited();
        assertThat(audited.verification().findings()).containsExactly(WEAK);
        assertThat(audited.verification().status()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(audited.verification().verifiedBy()).isEqualTo("key 1");
    }

    @Test
    void aCheckWithNothingToDropIsItself() {
        TokenCheck unchecked = new TokenCheck("not a JWT", null, null, null);
        TokenCheck weak = new TokenCheck(null, null, null, new Verification(SignatureStatus.VERIFIED, "key 1", List.of(WEAK)));
        assertThat(unchecked.audited()).isSameAs(unchecked);
        assertThat(weak.audited()).isSameAs(weak);
    }
}
