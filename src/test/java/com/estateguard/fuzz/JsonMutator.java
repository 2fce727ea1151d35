package com.estateguard.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes bad JSON bodies out of a valid one, reproducibly from one {@link Random}: wrong types, huge
 * numbers, deep nesting, unicode (lone surrogates, NUL, astral, right-to-left), nulls, long strings,
 * duplicate keys, truncation, removed fields, flipped bytes, invalid UTF-8. A body is a tree of
 * maps, lists and scalars; {@link Raw} is written as it is, {@link Dup} writes an object's first
 * property twice.
 */
public final class JsonMutator {

    /** JSON text written verbatim (a number no Java type holds, an escape, a deep nest). */
    public record Raw(String text) {
    }

    /** An object written with its first property twice. */
    public record Dup(Map<String, Object> map) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] HUGE = {"1e999999", "-1e400", "123456789012345678901234567890", "1" + "0".repeat(900),
            "9223372036854775808", "-9223372036854775809", "2147483648", "1E+2147483647", "0." + "0".repeat(500) + "1",
            "1" + "0".repeat(1200), "-0", "4.9e-324", "1.7976931348623157e309", "36.5e0", "365e-1"};
    private static final String[] STRINGS = {"", " ", "\u0000", "a\u0000b", "\ud800", "x\udfff", "\udbff\udfff", "😷🏠",
            "\u202e\u05d0\u05d1", "e\u0301\u0301\u0301", "'; DROP TABLE access_check; --", "<script>alert(1)</script>",
            "../../etc/passwd", "${jndi:ldap://x}", "%00", "\\", "\"", "\n\r\t", "\uFFFF\uFFFE", "null", "true", "0", "-1",
            "NaN", "Infinity", "2026-13-45T25:61:61Z", "0000-00-00", "DEMO:", "pass:1:X", "99999999999999999X"};
    private static final String[] RAW_ESCAPES = {"\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\uD83D\\uDE37\"",
            "\"\\u\"", "\"\\x41\"", "\"\\uZZZZ\"", "\"a\\u0000\\u0000b\""};

    private static final String FLIPS = " {}[]\":,09eE.ntfa\\\u00ff";
    private final Random random;

    public JsonMutator(Random random) {
        this.random = random;
    }

    /** A valid body read into a tree that can be mutated (maps keep their order). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> tree(String json) {
        return JSON.readValue(json, LinkedHashMap.class);
    }

    /** One bad body (bytes, as sent) from a fresh copy of {@code valid}. */
    public byte[] mutate(Map<String, Object> valid) {
        Map<String, Object> body = copy(valid);
        int kind = random.nextInt(14);
        return switch (kind) {
            case 0 -> utf8(write(removeFields(body)));
            case 1, 2 -> utf8(write(replaceSomewhere(body, this::wrongType)));
            case 3 -> utf8(write(replaceSomewhere(body, v -> new Raw(HUGE[random.nextInt(HUGE.length)]))));
            case 4 -> utf8(write(replaceSomewhere(body, v -> new Raw(deepNest()))));
            case 5 -> utf8(write(replaceSomewhere(body, v -> STRINGS[random.nextInt(STRINGS.length)])));
            case 6 -> utf8(write(replaceSomewhere(body, v -> new Raw(RAW_ESCAPES[random.nextInt(RAW_ESCAPES.length)]))));
            case 7 -> utf8(write(replaceSomewhere(body, v -> null)));
            case 8 -> utf8(write(replaceSomewhere(body, v -> "长".repeat(1 + random.nextInt(random.nextBoolean() ? 600 : 30_000)))));
            case 9 -> utf8(write(duplicateSomewhere(body)));
            case 10 -> truncate(utf8(write(body)));
            case 11 -> flipBytes(utf8(write(body)));
            case 12 -> invalidUtf8(utf8(write(body)));
            default -> utf8(write(stackMutations(body)));
        };
    }

    private Map<String, Object> stackMutations(Map<String, Object> body) {
        for (int i = 0; i < 2 + random.nextInt(4); i++) {
            body = random.nextBoolean() ? replaceSomewhere(body, this::wrongType) : removeFields(body);
        }
        return body;
    }

    private Object wrongType(Object was) {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextDouble() * 1e6 - 5e5;
            case 2 -> random.nextBoolean();
            case 3 -> "x" + random.nextInt(1000);
            case 4 -> new ArrayList<>(List.of(1, "a", false));
            case 5 -> new LinkedHashMap<>(Map.of("k", "v"));
            case 6 -> new ArrayList<>();
            default -> was instanceof String s && !s.isEmpty() ? s.toLowerCase() + s : Long.MAX_VALUE;
        };
    }

    private String deepNest() {
        int depth = random.nextBoolean() ? 5 + random.nextInt(40) : 100 + random.nextInt(5000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(random.nextInt(4) == 0 ? depth / 2 : depth);
    }

    /** Removes 1..3 properties anywhere in the tree. */
    private Map<String, Object> removeFields(Map<String, Object> body) {
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            List<Map<String, Object>> objects = objects(body);
            Map<String, Object> target = objects.get(random.nextInt(objects.size()));
            if (!target.isEmpty()) {
                target.remove(new ArrayList<>(target.keySet()).get(random.nextInt(target.size())));
            }
        }
        return body;
    }

    /** Replaces one property's value anywhere in the tree, or adds an unknown one. */
    private Map<String, Object> replaceSomewhere(Map<String, Object> body, java.util.function.UnaryOperator<Object> by) {
        List<Map<String, Object>> objects = objects(body);
        Map<String, Object> target = objects.get(random.nextInt(objects.size()));
        if (target.isEmpty() || random.nextInt(10) == 0) {
            target.put("unknown" + random.nextInt(100), by.apply(null));
        } else {
            String key = new ArrayList<>(target.keySet()).get(random.nextInt(target.size()));
            target.put(key, by.apply(target.get(key)));
        }
        return body;
    }

    private Object duplicateSomewhere(Map<String, Object> body) {
        List<Map<String, Object>> objects = objects(body);
        Map<String, Object> target = objects.get(random.nextInt(objects.size()));
        if (target == body) {
            return new Dup(body);
        }
        replaceInParent(body, target, new Dup(target));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static boolean replaceInParent(Object node, Object target, Object with) {
        if (node instanceof Map<?, ?> map) {
            for (var e : ((Map<String, Object>) map).entrySet()) {
                if (e.getValue() == target) {
                    e.setValue(with);
                    return true;
                }
                if (replaceInParent(e.getValue(), target, with)) {
                    return true;
                }
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == target) {
                    ((List<Object>) list).set(i, with);
                    return true;
                }
                if (replaceInParent(list.get(i), target, with)) {
                    return true;
                }
            }
        }
        return false;
    }

    private byte[] truncate(byte[] body) {
        return java.util.Arrays.copyOf(body, random.nextInt(Math.max(1, body.length)));
    }

    private byte[] flipBytes(byte[] body) {
        for (int i = 0, n = 1 + random.nextInt(4); i < n && body.length > 0; i++) {
            body[random.nextInt(body.length)] = (byte) FLIPS.charAt(random.nextInt(FLIPS.length()));
        }
        return body;
    }

    private byte[] invalidUtf8(byte[] body) {
        byte[][] bad = {{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE4, (byte) 0xB8},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {0}};
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int quote = text.indexOf('"', random.nextInt(Math.max(1, text.length())));
        int at = quote < 0 ? text.length() / 2 : quote + 1;
        byte[] insert = bad[random.nextInt(bad.length)];
        byte[] out = new byte[body.length + insert.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(body, at, out, at + insert.length, body.length - at);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object node) {
        List<Map<String, Object>> found = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            found.add((Map<String, Object>) map);
            map.values().forEach(v -> found.addAll(objects(v)));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> found.addAll(objects(v)));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        return (Map<String, Object>) copyNode(map);
    }

    @SuppressWarnings("unchecked")
    private static Object copyNode(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, copyNode(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(copyNode(v)));
            return out;
        }
        return node;
    }

    /** JSON text of a tree; strings are escaped as JSON requires, lone surrogates kept as they are. */
    public static String write(Object node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object node, StringBuilder out) {
        if (node == null) {
            out.append("null");
        } else if (node instanceof Raw raw) {
            out.append(raw.text());
        } else if (node instanceof Dup dup) {
            writeObject(dup.map(), out, true);
        } else if (node instanceof Map<?, ?> map) {
            writeObject((Map<String, Object>) map, out, false);
        } else if (node instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (node instanceof String s) {
            writeString(s, out);
        } else {
            out.append(node);
        }
    }

    private static void writeObject(Map<String, Object> map, StringBuilder out, boolean duplicateFirst) {
        out.append('{');
        boolean first = true;
        for (var e : map.entrySet()) {
            out.append(first ? "" : ",");
            writeString(e.getKey(), out);
            out.append(':');
            write(e.getValue(), out);
            if (first && duplicateFirst) {
                out.append(',');
                writeString(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            first = false;
        }
        out.append('}');
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
