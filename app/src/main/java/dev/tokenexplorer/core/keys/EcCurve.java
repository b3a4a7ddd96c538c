package dev.tokenexplorer.core.keys;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;
import java.util.Optional;

/**
 * The curves of ES256, ES384 and ES512, the only EC curves Kubernetes signs with, as the JDK
 * knows them, and the one way a point on them becomes a key: only after it is checked to lie on
 * the curve. The JDK's key factory takes any point, and a point off the curve is how an
 * invalid-curve attack makes a key leak or a forged signature pass.
 */
enum EcCurve {
    P256("P-256", "secp256r1", "1.2.840.10045.3.1.7"),
    P384("P-384", "secp384r1", "1.3.132.0.34"),
    P521("P-521", "secp521r1", "1.3.132.0.35");

    /** The name JOSE gives it (a JWK's crv) and Token Explorer shows. */
    final String jwkName;
    final String oid;
    final ECParameterSpec spec;

    EcCurve(String jwkName, String jdkName, String oid) {
        this.jwkName = jwkName;
        this.oid = oid;
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(jdkName));
            this.spec = parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always knows " + jdkName, e);
        }
    }

    static Optional<EcCurve> byJwkName(String crv) {
        return Arrays.stream(values()).filter(c -> c.jwkName.equals(crv)).findFirst();
    }

    static Optional<EcCurve> byOid(String oid) {
        return Arrays.stream(values()).filter(c -> c.oid.equals(oid)).findFirst();
    }

    BigInteger prime() {
        return ((ECFieldFp) spec.getCurve().getField()).getP();
    }

    /** The length of a coordinate in bytes: 32, 48, 66. */
    int coordinateBytes() {
        return (spec.getCurve().getField().getFieldSize() + 7) / 8;
    }

    /**
     * Whether (x, y) lies on the curve: both below p and y² = x³ + ax + b (mod p). The curves have
     * cofactor 1, so such a point is in the group the signatures use.
     */
    boolean contains(BigInteger x, BigInteger y) {
        BigInteger p = prime();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        EllipticCurve curve = spec.getCurve();
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return y.modPow(BigInteger.TWO, p).equals(right);
    }

    /** The public key at (x, y); empty when the point is not on the curve. */
    Optional<PublicKey> publicKey(BigInteger x, BigInteger y) {
        if (!contains(x, y)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK takes any point of " + jwkName, e);
        }
    }
}
