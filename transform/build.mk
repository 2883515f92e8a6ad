# gk-transform: no library beyond common/ (and libm for the checks)
transform_LIBS := -lm
