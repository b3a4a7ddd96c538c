package dev.tokenexplorer.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.input.ObjectReader;

import java.util.ArrayList;
import java.util.List;

/** Tests read YAML and JSON with the app's one reader. */
public final class Objects {
    private Objects() {
    }

    /** Every object of a text: its documents, and the items of its lists. */
    public static List<JsonNode> read(String text) {
        List<JsonNode> objects = new ArrayList<>();
        try {
            ObjectReader.read(text, ObjectReader.Limits.DEFAULT, item -> {
                if (item.role() != ObjectReader.Role.LIST_END) {
                    objects.add(item.value());
                }
            });
        } catch (ObjectReader.ReadException e) {
            throw new AssertionError(e.getMessage());
        }
        return objects;
    }
}
