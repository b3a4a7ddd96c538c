package dev.tokenexplorer.ui.manifest;

import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Colours a manifest for reading: keys, values, document separators; YAML and JSON alike. */
final class YamlHighlighter {

    private static final Pattern YAML_KEY = Pattern.compile("^(\\s*(?:- )?)([^:\\s][^:]*?)(:)(\\s.*)?$");
    private static final Pattern JSON_KEY = Pattern.compile("^(\\s*)(\"[^\"]*\")(\\s*:)(.*)$");

    private YamlHighlighter() {
    }

    static List<Text> highlight(String text) {
        List<Text> nodes = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!nodes.isEmpty()) {
                nodes.add(styled("\n", "code-plain"));
            }
            if (line.equals("---") || line.equals("EOF")) {
                add(nodes, line, "code-separator");
                continue;
            }
            Matcher m = JSON_KEY.matcher(line);
            if (!m.matches()) {
                m = YAML_KEY.matcher(line);
            }
            if (m.matches()) {
                add(nodes, m.group(1), "code-plain");
                add(nodes, m.group(2), "code-key");
                add(nodes, m.group(3), "code-plain");
                add(nodes, m.group(4), "code-value");
            } else {
                add(nodes, line, "code-plain");
            }
        }
        return nodes;
    }

    /** Empty Text nodes make a TextFlow misplace the next node's style, so none are made. */
    private static void add(List<Text> nodes, String text, String styleClass) {
        if (text != null && !text.isEmpty()) {
            nodes.add(styled(text, styleClass));
        }
    }

    private static Text styled(String text, String styleClass) {
        Text node = new Text(text);
        node.getStyleClass().addAll("code", styleClass);
        return node;
    }
}
