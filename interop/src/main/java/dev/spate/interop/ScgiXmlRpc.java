package dev.spate.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XML-RPC over SCGI on a loopback TCP port, as rtorrent serves it ({@code network.scgi.open_port}):
 * one call per connection, string parameters, answers read as the list of their scalar values.
 */
final class ScgiXmlRpc {
    private static final Pattern SCALAR = Pattern.compile("<(i4|i8|int|string)>([^<]*)</\\1>");
    private static final int TIMEOUT_MILLIS = 5_000;

    private final int port;

    ScgiXmlRpc(int port) {
        this.port = port;
    }

    /** Calls {@code method}; returns every scalar in the answer, in document order. */
    List<String> call(String method, String... params) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><methodCall><methodName>").append(method)
                .append("</methodName><params>");
        for (String p : params) {
            xml.append("<param><value><string>").append(escape(p)).append("</string></value></param>");
        }
        byte[] body = xml.append("</params></methodCall>").toString().getBytes(StandardCharsets.UTF_8);
        byte[] headers = ("CONTENT_LENGTH\0" + body.length + "\0SCGI\0" + "1\0").getBytes(StandardCharsets.US_ASCII);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LoopbackPorts.LOOPBACK, port), TIMEOUT_MILLIS);
            s.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = s.getOutputStream();
            out.write((headers.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(headers);
            out.write(',');
            out.write(body);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            if (text.contains("<fault>")) {
                throw new IOException(method + " failed: " + text);
            }
            List<String> values = new ArrayList<>();
            Matcher m = SCALAR.matcher(text);
            while (m.find()) {
                values.add(m.group(2));
            }
            return values;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
