package org.certportal.ui.spi;

import java.lang.reflect.InvocationTargetException;

import com.vaadin.flow.component.Component;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service describing one view of a feature bundle. While it is registered the portal
 * serves {@link #viewClass()} at {@link #route()} inside the portal layout and lists it in the
 * menu of users holding {@link #permission()}. The view class needs no {@code @Route}.
 * <p>
 * The contribution builds the view ({@link #createView()}): as a DS component it takes the services
 * the view calls as references and hands them to the view's constructor, so the contribution is
 * where a view's dependencies are declared, and a view is built in a test from plain objects. A
 * service of another area that may be absent is an optional dynamic reference, handed over as a
 * {@code Supplier<Optional<T>>} read when the view needs it:
 *
 * <pre>
 * &#64;Component(service = ViewContribution.class)
 * public class EnrolleeContribution extends BasicViewContribution {
 *     private final EnrollmentService enrollments;
 *     &#64;Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
 *     private volatile ViewRegistry views;
 *
 *     &#64;Activate
 *     public EnrolleeContribution(&#64;Reference EnrollmentService enrollments) {
 *         super("enrollee", "Enrollee", EnrollmentPermissions.READ, EnrolleeView.class, ...);
 *         this.enrollments = enrollments;
 *     }
 *
 *     &#64;Override
 *     public EnrolleeView createView() {
 *         return new EnrolleeView(enrollments, () -&gt; Optional.ofNullable(views));
 *     }
 * }
 * </pre>
 */
@ConsumerType
public interface ViewContribution {

    /**
     * Path below the portal root, lower case words separated by '-' and '/', e.g.
     * {@code programs} or {@code programs/approvals}; a segment {@code :name} is a route parameter
     * and keeps the view out of the menu.
     */
    String route();

    /** Menu and page title. */
    String title();

    /** The permission a user needs to see and open the view (see the security API). */
    String permission();

    /** The view's class, the route's target; loaded by the contributing bundle. */
    Class<? extends Component> viewClass();

    /**
     * A new view, an instance of {@link #viewClass()}, for one navigation to {@link #route()}; the
     * shell calls it on the Vaadin request thread, after checking the user's permission. The
     * default builds the view class through its public no-argument constructor, for views that
     * call no service.
     */
    default Component createView() {
        try {
            return viewClass().getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("The view " + viewClass().getName() + " could not be built", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The view " + viewClass().getName() + " has no public no-argument"
                    + " constructor: its contribution must build it (createView)", e);
        }
    }

    /** Menu group title; views of one group are listed together. */
    default String group() {
        return "General";
    }

    /** Position in the menu: groups by their lowest order, views within a group by theirs. */
    default int order() {
        return 100;
    }

    /** A Vaadin icon name such as {@code vaadin:diploma}. */
    default String icon() {
        return "vaadin:file-o";
    }
}
