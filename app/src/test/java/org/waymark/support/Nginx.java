package org.waymark.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx as the proxy in front of several nodes, on loopback only, run in the foreground as the test's own
 * process (no daemon, no master) with every file in the test's folder. Round robin, and a request that cannot reach
 * a node (refused, timed out) is passed to the next, as the operations guide's example does. Without nginx the test
 * is skipped with a message, unless {@code -Dwaymark.test.require-nginx=true} (CI installs nginx-light).
 */
public final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final int port;
    private Process process;

    public static void assumeAvailable() {
        boolean present = Files.isExecutable(BINARY);
        if (!present && Boolean.getBoolean("waymark.test.require-nginx")) {
            throw new IllegalStateException("nginx is required: apt-get install nginx-light");
        }
        Assumptions.assumeTrue(present, "nginx is not installed; skipping the proxied many-node test. apt-get install nginx-light, "
                + "or CI's -Dwaymark.test.require-nginx=true");
    }

    public Nginx(Path dir, int... upstreamPorts) throws IOException {
        this.dir = Files.createDirectories(dir);
        try (var socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        String servers = Arrays.stream(upstreamPorts).mapToObj(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=10s;")
                .collect(Collectors.joining("\n"));
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  client_max_body_size 25m;
                  upstream waymark {
                %2$s
                    keepalive 16;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://waymark;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $remote_addr;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_connect_timeout 2s;
                      proxy_next_upstream error timeout;
                    }
                  }
                }
                """.formatted(dir.toAbsolutePath(), servers, port));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(BINARY.toString(), "-p", dir.toAbsolutePath().toString(), "-c", dir.resolve("nginx.conf").toAbsolutePath().toString(),
                "-e", dir.resolve("error.log").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nginx.out").toFile())).start();
        for (int i = 0; i < 100; i++) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " in ten seconds");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
