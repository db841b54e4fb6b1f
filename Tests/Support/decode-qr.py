"""Reads every .pgm image in a folder with zxing-cpp, a QR decoder independent of the service's encoder, and
prints one JSON line per image: its name, the decoded bytes as hex and the error correction level the symbol
declares (or null when nothing was read)."""
import json
import pathlib
import sys

import numpy
import zxingcpp


def read_pgm(path):
    data = path.read_bytes()
    header = data.split(maxsplit=4)
    width, height = int(header[1]), int(header[2])
    pixels = numpy.frombuffer(header[4], dtype=numpy.uint8, count=width * height)
    return pixels.reshape((height, width))


for image in sorted(pathlib.Path(sys.argv[1]).glob("*.pgm")):
    found = zxingcpp.read_barcodes(read_pgm(image), formats=zxingcpp.BarcodeFormat.QRCode)
    print(json.dumps({
        "name": image.stem,
        "bytes": found[0].bytes.hex() if found else None,
        "ec_level": found[0].ec_level if found else None,
    }))
