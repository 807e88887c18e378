package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The demo start's mail catcher (karaf-assembly/demo/MailCatcher.java, run by portal.sh): it answers
 * SMTP on localhost, keeps each message as received (dot-stuffing undone) and lists it on its page.
 */
public class MailCatcherIT {
    private static final Path SOURCE = Path.of("..", "karaf-assembly", "demo", "MailCatcher.java");

    /** A message as the portal's mail library writes it: an encoded subject, a quoted-printable body. */
    private static final String MESSAGE = "To: jana@example.org\r\nSubject: =?UTF-8?Q?Certified_=3CCPA=3E_=C3=84?=\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "Congratulations, =C3=84rztin.\r\n.signed\r\n";

    private Process catcher;
    private Path folder;
    private int smtpPort;
    private int webPort;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Before
    public void startCatcher() throws IOException {
        folder = Files.createTempDirectory("mail-catcher");
        smtpPort = freePort();
        webPort = freePort();
        catcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SOURCE.toString(), String.valueOf(smtpPort), String.valueOf(webPort), folder.toString())
                .redirectErrorStream(true).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(catcher.getInputStream(), StandardCharsets.UTF_8));
        // its first line says it listens (the single-file program is compiled first)
        String first = said.readLine();
        assertTrue("the catcher says where it listens, not: " + first, first != null && first.startsWith("Mail catcher: SMTP"));
    }

    @After
    public void stopCatcher() throws Exception {
        if (catcher != null) {
            catcher.destroy();
            catcher.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String expect(BufferedReader in, String code) throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            line = in.readLine(); // a multi-line reply: its last line has the space
        }
        assertTrue("expected " + code + ", got " + line, line != null && line.startsWith(code));
        return line;
    }

    @Test
    public void keepsEachMessageAsSentAndListsIt() throws Exception {
        try (Socket smtp = new Socket("127.0.0.1", smtpPort);
                BufferedReader in = new BufferedReader(new InputStreamReader(smtp.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(smtp.getOutputStream(), true, StandardCharsets.UTF_8)) {
            expect(in, "220");
            for (String[] step : new String[][] { { "EHLO portal", "250" }, { "MAIL FROM:<certportal@localhost>", "250" },
                { "RCPT TO:<jana@example.org>", "250" }, { "DATA", "354" } }) {
                out.print(step[0] + "\r\n");
                out.flush();
                expect(in, step[1]);
            }
            // a body line starting with a dot is sent doubled (RFC 5321 4.5.2) and kept single
            out.print(MESSAGE.replace("\r\n.", "\r\n..") + ".\r\n");
            out.flush();
            expect(in, "250");
            out.print("QUIT\r\n");
            out.flush();
            expect(in, "221");
        }
        assertEquals("kept as received", MESSAGE, Files.readString(folder.resolve("0001.eml"), StandardCharsets.UTF_8));

        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + webPort + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue("listed with its subject decoded and escaped: " + page, page.contains("Certified &lt;CPA&gt; Ä")
                && page.contains("jana@example.org") && page.contains("href=\"/0001.eml\""));
        HttpResponse<String> message = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + webPort
                + "/0001.eml")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, message.statusCode());
        assertEquals("To: jana@example.org\nSubject: Certified <CPA> Ä\n\nCongratulations, Ärztin.\n.signed\n",
                message.body());
        assertEquals(MESSAGE, http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + webPort
                + "/0001.eml?raw")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + webPort + "/../etc"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
