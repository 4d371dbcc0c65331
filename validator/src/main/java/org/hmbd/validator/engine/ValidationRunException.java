package org.hmbd.validator.engine;

import org.hmbd.validator.Text;

/**
 * A run could not be completed: the engine's own machinery failed (the virtual machine ran out of
 * memory, the run was interrupted). Problems of the data never end a run; they are findings. The
 * message names no internals; the cause is kept for the operator's log.
 */
public final class ValidationRunException extends RuntimeException {

    private static final Text TEXT = Text.of("验证运行因内部故障中止，未生成报告；请稍后重试或联系运维人员",
            "The validation run stopped because of an internal fault and produced no report; try again later "
                    + "or contact the operators");

    ValidationRunException(Throwable cause) {
        super(TEXT.en(), cause);
    }

    /** What to tell the user, in Chinese and English. */
    public Text text() {
        return TEXT;
    }
}
