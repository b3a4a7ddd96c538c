package dev.tokenexplorer.support;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTokensTest {

    @Test
    void theJdkOnlyRs256TokenIsTheOneJose4jWrites() {
        String payload = "{\"iss\":\"kubernetes/serviceaccount\",\"sub\":\"system:serviceaccount:ci:deployer\"}";
        assertThat(TestTokens.rs256(payload))
                .isEqualTo(TestTokens.sign(payload, AlgorithmIdentifiers.RSA_USING_SHA256, TestTokens.rsaPrivateKey(), TestTokens.RSA_KID));
    }
}
