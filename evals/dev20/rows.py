from rows_a import A
from rows_b import B
from rows_c import C
from rows_d import E
ROWS = A + B + C + E
