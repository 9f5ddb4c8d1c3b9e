# pyguard-corpus: verdict=allow
# what: formats long paragraphs with textwrap, including indentation and shortening
import textwrap

paragraph = (
    "The analysis covers twelve months of sensor data collected from four sites. "
    "Readings were cleaned, resampled to hourly intervals and checked for drift "
    "against the calibration records supplied by the operators."
)
print(textwrap.fill(paragraph, width=50))
print(textwrap.indent(textwrap.fill(paragraph, width=40), "    "))
print(textwrap.shorten(paragraph, width=60, placeholder=" ..."))
