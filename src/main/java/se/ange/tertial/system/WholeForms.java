package se.ange.tertial.system;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Reads every {@code application/x-www-form-urlencoded} request whole before it is routed. Micronaut 4.10 binds a
 * form field whose bytes arrive in more than one network read still percent-encoded ("name%2Cemail…"): a browser
 * sends a form's body in pieces when it is larger than a packet or written apart from its headers, so a long
 * analysis, an import's file or a Slack payload would reach its controller garbled. A form read whole is decoded in
 * one piece. Forms are bounded by {@code micronaut.server.max-request-size} (a larger one gets 413); uploads
 * (multipart) and JSON still stream.
 */
@Singleton
class WholeForms implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final int maxBytes;

    WholeForms(HttpServerConfiguration server) {
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE, server.getMaxRequestSize());
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new OnConnection(null));
        return event.getBean();
    }

    /** Adds the aggregator to each HTTP/1.1 connection, right after the codec that reads its requests. */
    private final class OnConnection implements NettyServerCustomizer {

        private final @Nullable Channel channel;

        OnConnection(@Nullable Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new OnConnection(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelHandlerContext codec = channel.pipeline().context(HttpServerCodec.class);
            if (codec != null && channel.pipeline().get(FormAggregator.class) == null) {
                channel.pipeline().addAfter(codec.name(), "tertial-whole-forms", new FormAggregator(maxBytes));
            }
        }
    }

    /** Aggregates only url-encoded form requests; every other message passes through untouched. */
    static final class FormAggregator extends HttpObjectAggregator {

        FormAggregator(int maxBytes) {
            super(maxBytes);
        }

        @Override
        protected boolean isStartMessage(HttpObject message) {
            return message instanceof HttpRequest request && !(message instanceof FullHttpRequest)
                    && isForm(request.headers().get(HttpHeaderNames.CONTENT_TYPE));
        }

        static boolean isForm(@Nullable String contentType) {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).trim()
                    .startsWith(HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.toString());
        }
    }
}
