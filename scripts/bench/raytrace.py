# Benchmark: a small ray tracer (classes with operator methods, properties-free vector
# arithmetic on floats, method calls, object allocation). Prints a checksum of the image.
import math

EPSILON = 0.00001


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scale(self, f):
        return Vector(self.x * f, self.y * f, self.z * f)

    def cross(self, other):
        return Vector(self.y * other.z - self.z * other.y,
                      self.z * other.x - self.x * other.z,
                      self.x * other.y - self.y * other.x)

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def negated(self):
        return self.scale(-1)

    def reflect_through(self, normal):
        d = normal.scale(self.dot(normal))
        return self - d.scale(2)


class Point(Vector):
    pass


ZERO = Vector(0, 0, 0)
RIGHT = Vector(1, 0, 0)
UP = Vector(0, 1, 0)
OUT = Vector(0, 0, 1)


class Ray:
    def __init__(self, point, vector):
        self.point = point
        self.vector = vector.normalized()

    def point_at_time(self, t):
        return self.point + self.vector.scale(t)


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersection_time(self, ray):
        cp = self.centre - ray.point
        v = cp.dot(ray.vector)
        discriminant = (self.radius * self.radius) - (cp.dot(cp) - v * v)
        if discriminant < 0:
            return None
        return v - math.sqrt(discriminant)

    def normal_at(self, p):
        return (p - self.centre).normalized()


class Halfspace:
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def intersection_time(self, ray):
        v = ray.vector.dot(self.normal)
        if v:
            return 1 / -v
        return None

    def normal_at(self, p):
        return self.normal


class Colour:
    __slots__ = ()


class Scene:
    def __init__(self):
        self.objects = []
        self.light_points = []
        self.position = Point(0, 1.8, 10)
        self.look_at = Point(0, 3, 0)
        self.field_of_view = 45
        self.recursion_depth = 0

    def add_object(self, obj, surface):
        self.objects.append((obj, surface))

    def add_light(self, p):
        self.light_points.append(p)

    def render(self, width, height):
        fov_radians = math.pi * (self.field_of_view / 2.0) / 180.0
        half_width = math.tan(fov_radians)
        half_height = 0.75 * half_width
        pixel_width = half_width * 2 / (width - 1)
        pixel_height = half_height * 2 / (height - 1)
        eye = Ray(self.position, self.look_at - self.position)
        vpright = eye.vector.cross(UP).normalized()
        vpup = vpright.cross(eye.vector).normalized()
        checksum = 0
        for y in range(height):
            for x in range(width):
                xcomp = vpright.scale(x * pixel_width - half_width)
                ycomp = vpup.scale(y * pixel_height - half_height)
                ray = Ray(eye.point, eye.vector + xcomp + ycomp)
                r, g, b = self.ray_colour(ray)
                checksum = (checksum * 31 + int(r * 255) * 65536 + int(g * 255) * 256
                            + int(b * 255)) % 1000000007
        return checksum

    def ray_colour(self, ray):
        if self.recursion_depth > 3:
            return (0, 0, 0)
        try:
            self.recursion_depth += 1
            intersections = [(o.intersection_time(ray), o, s) for (o, s) in self.objects]
            best = None
            for t, o, s in intersections:
                if t is not None and t > -EPSILON and (best is None or t < best[0]):
                    best = (t, o, s)
            if best is None:
                return (0, 0, 0)
            t, o, s = best
            p = ray.point_at_time(t)
            return s.colour_at(self, ray, p, o.normal_at(p))
        finally:
            self.recursion_depth -= 1

    def light_is_visible(self, l, p):
        for (o, s) in self.objects:
            t = o.intersection_time(Ray(p, l - p))
            if t is not None and t > EPSILON:
                return False
        return True

    def visible_lights(self, p):
        return [l for l in self.light_points if self.light_is_visible(l, p)]


def add_colours(a, scale, b):
    return (a[0] + scale * b[0], a[1] + scale * b[1], a[2] + scale * b[2])


class SimpleSurface:
    def __init__(self, base_colour=(1, 1, 1), specular=0.2, lambert=0.6):
        self.base_colour = base_colour
        self.specular = specular
        self.lambert = lambert
        self.ambient = 1 - specular - lambert

    def base_colour_at(self, p):
        return self.base_colour

    def colour_at(self, scene, ray, p, normal):
        b = self.base_colour_at(p)
        c = (0, 0, 0)
        if self.specular > 0:
            reflected = Ray(p, ray.vector.reflect_through(normal))
            c = add_colours(c, self.specular, scene.ray_colour(reflected))
        if self.lambert > 0:
            lambert_amount = 0
            for lp in scene.visible_lights(p):
                contribution = (lp - p).normalized().dot(normal)
                if contribution > 0:
                    lambert_amount += contribution
            lambert_amount = min(1, lambert_amount)
            c = add_colours(c, self.lambert * lambert_amount, b)
        if self.ambient > 0:
            c = add_colours(c, self.ambient, b)
        return (min(c[0], 1), min(c[1], 1), min(c[2], 1))


class CheckerboardSurface(SimpleSurface):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.other_colour = (0, 0, 0)
        self.check_size = 1

    def base_colour_at(self, p):
        v = p - ZERO
        v = v.scale(1.0 / self.check_size)
        if (int(abs(v.x) + 0.5) + int(abs(v.y) + 0.5) + int(abs(v.z) + 0.5)) % 2:
            return self.other_colour
        return self.base_colour


def main(width, height):
    s = Scene()
    s.add_light(Point(30, 30, 10))
    s.add_light(Point(-10, 100, 30))
    s.add_object(Sphere(Point(1, 3, -10), 2), SimpleSurface(base_colour=(1, 1, 0)))
    for y in range(6):
        s.add_object(Sphere(Point(-3 - y * 0.4, 2.3, -5), 0.4),
                     SimpleSurface(base_colour=(y / 6.0, 1 - y / 6.0, 0.5)))
    s.add_object(Halfspace(Point(0, 0, 0), UP), CheckerboardSurface())
    print(s.render(width, height))


main(140, 100)
