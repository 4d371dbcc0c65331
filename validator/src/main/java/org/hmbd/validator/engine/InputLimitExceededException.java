package org.hmbd.validator.engine;

import org.hmbd.validator.Text;

/**
 * A run's input is larger than {@link Limits#maxInputBytes()} once decompressed (a zip whose
 * entries inflate beyond it, for instance): the run ends, with this text for the user.
 */
public final class InputLimitExceededException extends RuntimeException {

    private final long limit;

    InputLimitExceededException(long limit) {
        super("the input exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** What to tell the user, in Chinese and English. */
    public Text text() {
        return Text.of("提交的数据解压后超过每次运行 " + limit + " 字节的上限，运行已停止；请拆分后分次提交",
                "The submitted data exceeds the limit of " + limit + " bytes per run once decompressed; the run "
                        + "stopped. Split it into several runs");
    }
}
