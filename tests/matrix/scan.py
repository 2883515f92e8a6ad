"""Scans as agencies make them: a PDF's pages printed and scanned again.

scan(pdf, out, cond, work): every page rendered (pdftoppm or mutool draw)
at the condition's resolution, then skewed, blurred, given noise, made
bilevel or JPEG-compressed, and put back as an image-only PDF (img2pdf: the
JPEG or the CCITT G4 / PNG image as it is, no text layer) at the page's
own size.  The noise is seeded by the page, so one condition gives the
same bytes every time.

CONDITIONS: name -> parameters (dpi, skew in degrees, noise sigma in grey
levels, blur radius in pixels, jpeg quality or None, mode grey|bilevel,
renderer pdftoppm|mutool).
"""
import glob
import io
import os
import random
import shutil
import subprocess

CONDITIONS = {
    'clean300': dict(dpi=300, skew=0.0, noise=0, blur=0, jpeg=None, mode='grey', r='pdftoppm'),
    'grey200-q75': dict(dpi=200, skew=0.5, noise=4, blur=0, jpeg=75, mode='grey', r='pdftoppm'),
    'grey150-q60': dict(dpi=150, skew=-0.8, noise=6, blur=0, jpeg=60, mode='grey', r='mutool'),
    'skew+2': dict(dpi=200, skew=2.0, noise=3, blur=0, jpeg=85, mode='grey', r='pdftoppm'),
    'skew-2-300': dict(dpi=300, skew=-2.0, noise=3, blur=0, jpeg=80, mode='grey', r='mutool'),
    'bilevel300': dict(dpi=300, skew=0.7, noise=0, blur=0, jpeg=None, mode='bilevel', r='pdftoppm'),
    'bilevel200-noisy': dict(dpi=200, skew=-1.2, noise=10, blur=0, jpeg=None, mode='bilevel',
                             r='mutool'),
    'jpeg30': dict(dpi=200, skew=0.3, noise=2, blur=0, jpeg=30, mode='grey', r='pdftoppm'),
    'blur300': dict(dpi=300, skew=1.0, noise=2, blur=1.3, jpeg=70, mode='grey', r='mutool'),
    'noisy200': dict(dpi=200, skew=-0.4, noise=18, blur=0, jpeg=90, mode='grey', r='pdftoppm'),
    'dirty150': dict(dpi=150, skew=1.5, noise=8, blur=0.6, jpeg=50, mode='grey', r='mutool'),
    'bilevel150': dict(dpi=150, skew=-0.6, noise=4, blur=0, jpeg=None, mode='bilevel',
                       r='pdftoppm'),
    # controls: one change at a time from a clean 200 dpi grey page, to
    # tell which one costs the values
    'ctl200': dict(dpi=200, skew=0.0, noise=0, blur=0, jpeg=None, mode='grey', r='pdftoppm'),
    'ctl200-skew0.5': dict(dpi=200, skew=0.5, noise=0, blur=0, jpeg=None, mode='grey',
                           r='pdftoppm'),
    'ctl200-q75': dict(dpi=200, skew=0.0, noise=0, blur=0, jpeg=75, mode='grey', r='pdftoppm'),
    'ctl200-noise4': dict(dpi=200, skew=0.0, noise=4, blur=0, jpeg=None, mode='grey',
                          r='pdftoppm'),
    'ctl150': dict(dpi=150, skew=0.0, noise=0, blur=0, jpeg=None, mode='grey', r='pdftoppm'),
}


def render(pdf, dpi, renderer, d):
    if renderer == 'mutool':
        subprocess.run(['mutool', 'draw', '-q', '-r', str(dpi), '-c', 'gray',
                        '-o', os.path.join(d, 'p%04d.pgm'), pdf], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    else:
        subprocess.run(['pdftoppm', '-r', str(dpi), '-gray', pdf, os.path.join(d, 'p')],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=600)
    return sorted(glob.glob(os.path.join(d, 'p*.pgm')))


def degrade(img, c, seed):
    import numpy
    from PIL import Image, ImageFilter
    if c['skew']:
        img = img.rotate(c['skew'], resample=Image.BICUBIC, expand=False, fillcolor=255)
    if c['blur']:
        img = img.filter(ImageFilter.GaussianBlur(c['blur']))
    if c['noise']:
        a = numpy.asarray(img, dtype=numpy.float32)
        rng = numpy.random.default_rng(seed)
        a = a + rng.normal(0.0, c['noise'], a.shape)
        # specks, as dust on the glass leaves them
        n = int(a.size * 0.0002)
        ys = rng.integers(0, a.shape[0], n)
        xs = rng.integers(0, a.shape[1], n)
        a[ys, xs] = 0
        img = Image.fromarray(numpy.clip(a, 0, 255).astype(numpy.uint8), 'L')
    return img


def scan(pdf, out, cond, work):
    import img2pdf
    from PIL import Image
    c = CONDITIONS[cond]
    d = os.path.join(work, 'scan')
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    pages = render(pdf, c['dpi'], c['r'], d)
    if not pages:
        raise RuntimeError('no page rendered')
    imgs = []
    for i, p in enumerate(pages):
        img = Image.open(p).convert('L')
        seed = random.Random('%s-%d' % (cond, i)).randrange(1 << 30)
        img = degrade(img, c, seed)
        buf = io.BytesIO()
        if c['mode'] == 'bilevel':
            img = img.point(lambda x: 255 if x > 150 else 0).convert('1')
            img.save(buf, format='TIFF', compression='group4', dpi=(c['dpi'], c['dpi']))
        elif c['jpeg']:
            img.save(buf, format='JPEG', quality=c['jpeg'], dpi=(c['dpi'], c['dpi']))
        else:
            img.save(buf, format='PNG', dpi=(c['dpi'], c['dpi']))
        imgs.append(buf.getvalue())
    layout = img2pdf.get_fixed_dpi_layout_fun((c['dpi'], c['dpi']))
    with open(out, 'wb') as f:
        f.write(img2pdf.convert(imgs, layout_fun=layout))
    shutil.rmtree(d, ignore_errors=True)
