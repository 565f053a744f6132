package org.waymark.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assumptions;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

/**
 * An integrator's consumer on the machine's RabbitMQ (127.0.0.1:5672, guest): its own queue, bound to everything
 * on an exchange of the test's own (a unique name, deleted at close, so runs never see each other's events).
 * Without a broker the test is skipped with a message, unless {@code -Dwaymark.test.require-rabbitmq=true} (CI).
 */
public final class RabbitConsumer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5672;

    /** One message as it arrived: its AMQP properties and its body. */
    public record Received(String routingKey, String messageId, String type, String contentType, boolean persistent, String body) {
    }

    private final String exchange;
    private final Connection connection;
    private final Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public static void assumeAvailable() {
        boolean up;
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        if (!up && Boolean.getBoolean("waymark.test.require-rabbitmq")) {
            throw new IllegalStateException("RabbitMQ is required at " + HOST + ":" + PORT + " (start it with rabbitmq-server -detached)");
        }
        Assumptions.assumeTrue(up, "RabbitMQ is not reachable at " + HOST + ":" + PORT + "; skipping the integration-events check. "
                + "CI sets -Dwaymark.test.require-rabbitmq=true.");
    }

    public RabbitConsumer(String exchange) throws IOException, TimeoutException {
        this.exchange = exchange;
        var factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setUsername("guest");
        factory.setPassword("guest");
        connection = factory.newConnection("waymark-test-consumer");
        channel = connection.createChannel();
        // Declared as the service declares it (durable topic), so whichever comes first makes the same exchange.
        channel.exchangeDeclare(exchange, "topic", true, false, null);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, exchange, "#");
        channel.basicConsume(queue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                received.add(new Received(envelope.getRoutingKey(), properties.getMessageId(), properties.getType(), properties.getContentType(),
                        Integer.valueOf(2).equals(properties.getDeliveryMode()), new String(body, StandardCharsets.UTF_8)));
            }
        });
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until the messages received so far satisfy the condition; false if they still do not after the timeout. */
    public boolean await(Predicate<List<Received>> condition, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (condition.test(received())) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.test(received());
    }

    @Override
    public void close() throws IOException, TimeoutException {
        try {
            channel.exchangeDelete(exchange);
            channel.close();
        } finally {
            connection.close();
        }
    }
}
