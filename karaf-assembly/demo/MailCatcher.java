import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo start's mail catcher (karaf-assembly/mail-catcher.sh): an SMTP server on localhost that
 * delivers nowhere. Each message the portal sends is kept as a file (NNNN.eml in the mail folder) and
 * listed on a small web page, so a newcomer sees the emails the product sends without a mail server.
 * Run as a single-file program: java MailCatcher.java SMTP_PORT WEB_PORT FOLDER. Localhost only, no
 * authentication, no TLS: for a demo on one machine, never for real mail.
 */
public final class MailCatcher {
    private static final int MAX_MESSAGE_BYTES = 20 * 1024 * 1024;

    private final Path folder;
    private final AtomicLong next;

    private MailCatcher(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        try (Stream<Path> kept = Files.list(folder)) {
            next = new AtomicLong(kept.map(MailCatcher::number).max(Long::compare).orElse(0L) + 1);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java MailCatcher.java SMTP_PORT WEB_PORT FOLDER");
            System.exit(2);
        }
        MailCatcher catcher = new MailCatcher(Path.of(args[2]));
        InetAddress local = InetAddress.getLoopbackAddress();
        HttpServer web = HttpServer.create(new InetSocketAddress(local, Integer.parseInt(args[1])), 0);
        web.createContext("/", catcher::page);
        web.start();
        try (ServerSocket smtp = new ServerSocket(Integer.parseInt(args[0]), 50, local)) {
            System.out.println("Mail catcher: SMTP on " + local.getHostAddress() + ":" + args[0] + ", messages at http://localhost:"
                    + args[1] + "/ and in " + catcher.folder);
            var sessions = Executors.newCachedThreadPool();
            while (true) {
                Socket client = smtp.accept();
                sessions.execute(() -> catcher.session(client));
            }
        }
    }

    /** One SMTP conversation: just enough of RFC 5321 for a mail client that sends without TLS or login. */
    private void session(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            reply(out, "220 localhost CertPortal demo mail catcher");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SIZE " + MAX_MESSAGE_BYTES);
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        reply(out, keep(in) ? "250 OK: kept" : "552 Message too large");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Not implemented");
                }
            }
        } catch (IOException e) {
            System.err.println("Mail catcher: a conversation broke off: " + e.getMessage());
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    /** Reads the message up to the lone dot, undoes the dot-stuffing and keeps it as the next NNNN.eml. */
    private boolean keep(BufferedReader in) throws IOException {
        StringBuilder message = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (message.length() < MAX_MESSAGE_BYTES) {
                message.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
            }
        }
        if (message.length() >= MAX_MESSAGE_BYTES) {
            return false;
        }
        Path file = folder.resolve(String.format("%04d.eml", next.getAndIncrement()));
        Files.writeString(file, message, StandardCharsets.UTF_8);
        System.out.println("Mail catcher: kept " + file.getFileName() + " " + header(message.toString(), "Subject"));
        return true;
    }

    /** "/" lists the kept messages, newest first; "/NNNN.eml" shows one as it was received. */
    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.matches("/\\d{4,}\\.eml")) {
                Path file = folder.resolve(path.substring(1));
                if (Files.isRegularFile(file)) {
                    send(exchange, 200, "text/plain; charset=utf-8", Files.readAllBytes(file));
                    return;
                }
            }
            if (!path.equals("/")) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=utf-8>"
                    + "<title>CertPortal demo mail</title><style>body{font-family:sans-serif;margin:1em}"
                    + "td,th{padding:.2em .6em;text-align:left;border-bottom:1px solid #ddd}</style></head><body>"
                    + "<h1>Mail sent by the demo portal</h1><p>Kept in " + escape(folder.toString())
                    + "; nothing leaves this machine.</p><table><tr><th>#</th><th>To</th><th>Subject</th><th>Date</th></tr>");
            for (Path file : kept()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String name = file.getFileName().toString();
                html.append("<tr><td><a href=\"/").append(name).append("\">").append(name, 0, name.length() - 4)
                        .append("</a></td><td>").append(escape(header(text, "To"))).append("</td><td>")
                        .append(escape(header(text, "Subject"))).append("</td><td>").append(escape(header(text, "Date")))
                        .append("</td></tr>");
            }
            html.append("</table></body></html>");
            send(exchange, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<Path> kept() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> number(f) > 0).sorted(Comparator.comparingLong(MailCatcher::number).reversed()).toList();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A header's value as sent (encoded words are left as they are: this is a demo's viewer). */
    private static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return "";
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        return name.matches("\\d+\\.eml") ? Long.parseLong(name.substring(0, name.length() - 4)) : 0;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
