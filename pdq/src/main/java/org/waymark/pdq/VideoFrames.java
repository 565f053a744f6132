package org.waymark.pdq;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_SLICE_THREADS;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The frames of a video's first video stream as packed RGB, decoded by FFmpeg (bytedeco's binding, which
 * carries the native libraries). Done as Meta's vPDQ reference does it, because the hashes are compared with
 * its own: frames counted by the decoder from 0, converted (and downsampled when asked) by swscale's area
 * method, the frame rate from the stream's average rate or else its base rate.
 */
public final class VideoFrames implements AutoCloseable {

    /** FFmpeg's AVERROR(EAGAIN) on Linux: the decoder wants another packet before it gives a frame. */
    private static final int AVERROR_EAGAIN = -11;
    /** FF_THREAD_SLICE: the binding leaves this define out. */
    private static final int FF_THREAD_SLICE = 2;

    static {
        // The libraries' own chatter (codec banners, recoverable stream errors) is not ours to print.
        av_log_set_level(AV_LOG_FATAL);
    }

    /** One decoded frame: {@code rgb} holds {@code height} rows, {@code stride} bytes apart, of 3 bytes a pixel. */
    public record Frame(long number, byte[] rgb, int width, int height, int stride) {
    }

    /** Receives each frame as it is decoded; the array is the receiver's to keep. */
    @FunctionalInterface
    public interface FrameSink {
        void accept(Frame frame) throws IOException;
    }

    private final AVFormatContext format;
    private final AVCodecContext codec;
    private final int streamIndex;
    private final double frameRate;
    private final int width;
    private final int height;

    /** Opens a video; {@code downsample} > 0 gives square frames of that side, as the reference's setting does. */
    public VideoFrames(Path file, int downsample) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        format = new AVFormatContext(null);
        if (avformat_open_input(format, file.toString(), null, (AVDictionary) null) != 0) {
            throw new IOException("not a video FFmpeg can open");
        }
        AVCodecContext context = null;
        try {
            if (avformat_find_stream_info(format, (PointerPointer<?>) null) < 0) {
                throw new IOException("no stream information");
            }
            int found = -1;
            for (int i = 0; i < format.nb_streams(); i++) {
                if (format.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                throw new IOException("no video stream");
            }
            streamIndex = found;
            AVStream stream = format.streams(found);
            var parameters = stream.codecpar();
            if (parameters.width() <= 0 || parameters.height() <= 0) {
                throw new IOException("the video stream has no dimensions");
            }
            var decoder = avcodec_find_decoder(parameters.codec_id());
            if (decoder == null || decoder.isNull()) {
                throw new IOException("no decoder for the video's codec");
            }
            context = avcodec_alloc_context3(decoder);
            if (context == null || context.isNull() || avcodec_parameters_to_context(context, parameters) < 0) {
                throw new IOException("the decoder could not be set up");
            }
            context.thread_count(0);
            if ((decoder.capabilities() & AV_CODEC_CAP_SLICE_THREADS) != 0) {
                context.thread_type(FF_THREAD_SLICE);
            } else {
                context.thread_count(1);
            }
            if (avcodec_open2(context, decoder, (AVDictionary) null) < 0) {
                throw new IOException("the decoder could not be opened");
            }
            AVRational rate = stream.avg_frame_rate();
            if (rate.num() == 0 || rate.den() == 0) {
                rate = stream.r_frame_rate();
            }
            frameRate = rate.den() == 0 ? 0 : (double) rate.num() / rate.den();
            if (!(frameRate > 0)) {
                throw new IOException("the video has no frame rate");
            }
            width = downsample > 0 ? downsample : parameters.width();
            height = downsample > 0 ? downsample : parameters.height();
            codec = context;
        } catch (IOException | RuntimeException e) {
            if (context != null) {
                avcodec_free_context(context);
            }
            avformat_close_input(format);
            throw e;
        }
    }

    public double frameRate() {
        return frameRate;
    }

    /** Decodes every frame, handing on those whose number is a multiple of {@code every} (1: all of them). */
    public void decode(int every, FrameSink sink) throws IOException {
        SwsContext scaler = sws_getContext(codec.width(), codec.height(), codec.pix_fmt(), width, height, AV_PIX_FMT_RGB24, SWS_AREA,
                null, null, (DoublePointer) null);
        if (scaler == null || scaler.isNull()) {
            throw new IOException("no conversion from the video's pixel format");
        }
        AVPacket packet = av_packet_alloc();
        AVFrame decoded = av_frame_alloc();
        AVFrame rgb = av_frame_alloc();
        try {
            rgb.format(AV_PIX_FMT_RGB24).width(width).height(height);
            if (av_frame_get_buffer(rgb, 0) < 0) {
                throw new IOException("no memory for a " + width + "x" + height + " frame");
            }
            int stride = rgb.linesize(0);
            var convert = new Converter(scaler, decoded, rgb, stride, every, sink);
            while (av_read_frame(format, packet) >= 0) {
                try {
                    if (packet.stream_index() == streamIndex) {
                        if (avcodec_send_packet(codec, packet) < 0) {
                            throw new IOException("the video stream is damaged");
                        }
                        convert.drain();
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
            avcodec_send_packet(codec, null);
            convert.drain();
        } finally {
            av_frame_free(rgb);
            av_frame_free(decoded);
            av_packet_free(packet);
            sws_freeContext(scaler);
        }
    }

    /** Takes every frame the decoder has ready, converting those wanted. */
    private final class Converter {
        private final SwsContext scaler;
        private final AVFrame decoded;
        private final AVFrame rgb;
        private final int stride;
        private final int every;
        private final FrameSink sink;

        Converter(SwsContext scaler, AVFrame decoded, AVFrame rgb, int stride, int every, FrameSink sink) {
            this.scaler = scaler;
            this.decoded = decoded;
            this.rgb = rgb;
            this.stride = stride;
            this.every = every;
            this.sink = sink;
        }

        void drain() throws IOException {
            while (true) {
                int received = avcodec_receive_frame(codec, decoded);
                if (received == AVERROR_EAGAIN || received == AVERROR_EOF()) {
                    return;
                }
                if (received < 0) {
                    throw new IOException("a frame could not be decoded");
                }
                long number = codec.frame_num() - 1;
                if (number % every == 0) {
                    sws_scale(scaler, decoded.data(), decoded.linesize(), 0, codec.height(), rgb.data(), rgb.linesize());
                    byte[] pixels = new byte[stride * height];
                    rgb.data(0).get(pixels);
                    sink.accept(new Frame(number, pixels, width, height, stride));
                }
            }
        }
    }

    @Override
    public void close() {
        avcodec_free_context(codec);
        avformat_close_input(format);
    }
}
