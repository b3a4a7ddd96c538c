package dev.tokenexplorer.core.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class InputFilesWordingTest {

    @ParameterizedTest(name = "{0} bytes over a {1}-byte cap: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            20971530 | 20971520 | '20,971,530 bytes, more than the 20 MB limit (20,971,520 bytes)'
            22544384 | 20971520 | '21.5 MB, more than the 20 MB limit'
            35651584 | 20971520 | '34 MB, more than the 20 MB limit'
            66000    | 65536    | '66,000 bytes, more than the 64 KB limit (65,536 bytes)'
            """)
    void aSizeOverTheLimitNeverReadsAsTheLimitItself(long size, long cap, String said) {
        assertThat(InputFiles.over(size, cap)).isEqualTo(said);
    }
}
