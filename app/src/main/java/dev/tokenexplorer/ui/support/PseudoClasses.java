package dev.tokenexplorer.ui.support;

import dev.tokenexplorer.core.finding.Severity;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.token.TokenKind;
import dev.tokenexplorer.core.token.TokenStatus;
import javafx.css.PseudoClass;
import javafx.scene.Node;

import java.util.EnumMap;
import java.util.Map;

/**
 * Every state the CSS styles, in one place: a token's status, kind and signature, a finding's
 * severity, and input that is invalid. Views switch them; stylesheets colour them.
 */
public final class PseudoClasses {

    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    /** A card or choice that is in force: the audit card whose finding filters the table. */
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private static final Map<TokenStatus, PseudoClass> STATUS = new EnumMap<>(TokenStatus.class);
    private static final Map<TokenKind, PseudoClass> KIND = new EnumMap<>(TokenKind.class);
    private static final Map<SignatureStatus, PseudoClass> SIGNATURE = new EnumMap<>(SignatureStatus.class);
    private static final Map<Severity, PseudoClass> SEVERITY = new EnumMap<>(Severity.class);

    static {
        for (TokenStatus s : TokenStatus.values()) STATUS.put(s, PseudoClass.getPseudoClass(s.id()));
        for (TokenKind k : TokenKind.values()) KIND.put(k, PseudoClass.getPseudoClass(k.id()));
        for (SignatureStatus s : SignatureStatus.values()) SIGNATURE.put(s, PseudoClass.getPseudoClass(s.id()));
        for (Severity s : Severity.values()) SEVERITY.put(s, PseudoClass.getPseudoClass(s.id()));
    }

    private PseudoClasses() {
    }

    public static void status(Node node, TokenStatus status) {
        STATUS.forEach((s, pc) -> node.pseudoClassStateChanged(pc, s == status));
    }

    public static void kind(Node node, TokenKind kind) {
        KIND.forEach((k, pc) -> node.pseudoClassStateChanged(pc, k == kind));
    }

    public static void signature(Node node, SignatureStatus signature) {
        SIGNATURE.forEach((s, pc) -> node.pseudoClassStateChanged(pc, s == signature));
    }

    public static void severity(Node node, Severity severity) {
        SEVERITY.forEach((s, pc) -> node.pseudoClassStateChanged(pc, s == severity));
    }
}
