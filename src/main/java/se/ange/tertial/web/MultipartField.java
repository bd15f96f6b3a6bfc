package se.ange.tertial.web;

import io.micronaut.core.annotation.Nullable;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One text field of a {@code multipart/form-data} body (an upload form's {@code _csrf}), read with Netty's own
 * form decoder from a copy of the body, so the controller still reads the whole upload afterwards.
 */
final class MultipartField {

    private MultipartField() {
    }

    static @Nullable String value(byte[] body, String contentType, String name) {
        DefaultFullHttpRequest copy = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(body));
        copy.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpPostMultipartRequestDecoder decoder = null;
        try {
            // in memory: the copy is already in memory, and nothing of an upload should reach the disk here
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), copy, StandardCharsets.UTF_8);
            InterfaceHttpData field = decoder.getBodyHttpData(name);
            return field instanceof Attribute attribute ? attribute.getValue() : null;
        } catch (IOException | RuntimeException malformed) {
            return null; // a body that is not the multipart it says it is carries no token
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            copy.release();
        }
    }
}
